import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_TIMEOUTS, createHttpServer } from '../../server/http/server';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(timeouts = { headersMs: 300, requestMs: 600, checkEveryMs: 50 }): Promise<number> {
  const app = express();
  app.use(express.json());
  app.all(/.*/, (_req, res) => void res.json({ ok: true }));
  const server = createHttpServer(app, timeouts);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Writes `parts` one every `gapMs` and resolves with what the server answered and when it closed. */
function trickle(port: number, parts: string[], gapMs: number): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ answer, ms: performance.now() - started });
    });
    socket.on('error', () => undefined);
    let i = 0;
    const next = () => {
      if (i < parts.length && !socket.destroyed) socket.write(parts[i++]!);
      timer = setTimeout(next, gapMs);
    };
    next();
  });
}

describe('a client too slow to send its request', () => {
  it('is cut off after seconds, not Node’s default minutes', () => {
    const server = createHttpServer(() => undefined);
    expect(server.headersTimeout).toBe(CLIENT_TIMEOUTS.headersMs);
    expect(server.requestTimeout).toBe(CLIENT_TIMEOUTS.requestMs);
    expect(CLIENT_TIMEOUTS.headersMs).toBeLessThanOrEqual(15_000);
    expect(CLIENT_TIMEOUTS.requestMs).toBeLessThanOrEqual(60_000);
  });

  it('gets a JSON 408 when its headers trickle in, or never come', async () => {
    const port = await listen();
    const header = 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(1000);
    for (const parts of [[...header], []]) {
      const { answer } = await trickle(port, parts, 20);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('"code":"timeout"');
      expect(answer).toContain('Richiesta troppo lenta / Request timed out');
    }
  });

  it('gets a JSON 408 when its chunked body never ends', async () => {
    const port = await listen();
    const head = 'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const { answer } = await trickle(port, [head, ...Array<string>(200).fill('1\r\n \r\n')], 20);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"timeout"');
  });
});

describe('an Expect header other than 100-continue', () => {
  it('gets a JSON 417 that says so, in Italian and English', async () => {
    const port = await listen();
    const { answer } = await trickle(port, ['POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 999-nonsense\r\nContent-Length: 2\r\n\r\n{}'], 20);
    expect(answer).toMatch(/^HTTP\/1\.1 417 /);
    expect(answer).toContain('"code":"expectation_failed"');
    expect(answer).toContain('Intestazione Expect non supportata: usa 100-continue o nessuna / Unsupported Expect header: use 100-continue or none');
  });
});
