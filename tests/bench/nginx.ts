import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { freePort } from './measure';

/** Whether nginx is installed (`apt-get install nginx`): the bench then measures it as the ceiling. */
export function hasNginx(): boolean {
  try {
    execFileSync('nginx', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(!!socket.end()));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not open port ${port}`);
}

/**
 * Runs `work` against nginx (one worker process, sendfile) serving `root`'s gzipped tile files:
 * the fastest static server there is, to show where this machine and its load generator stop.
 */
export async function withNginx<T>(root: string, work: (base: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(path.dirname(root), 'nginx-'));
  const port = await freePort();
  await fs.writeFile(
    path.join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''} worker_processes 1; daemon off; error_log ${dir}/error.log; pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; root ${root};
    location / { default_type application/vnd.mapbox-vector-tile; add_header Content-Encoding gzip; } }
}
`,
  );
  const nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  try {
    await waitForPort(port);
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    nginx.kill();
    await new Promise((resolve) => nginx.once('exit', resolve));
    await fs.rm(dir, { recursive: true, force: true });
  }
}
