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

async function listen(timeouts = { headersMs: 300, requestMs: 600, checkEveryMs: 50, bodyIdleMs: 10_000 }): Promise<number> {
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

  it('gets a JSON 408 when its body stops arriving, long before the whole request’s time', async () => {
    const port = await listen({ headersMs: 300, requestMs: 30_000, checkEveryMs: 50, bodyIdleMs: 400 });
    // Announces 1,000 bytes, sends 10, then nothing.
    const head = 'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":"bbbb';
    const { answer, ms } = await trickle(port, [head], 20);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('Richiesta troppo lenta / Request timed out');
    expect(ms).toBeLessThan(10_000); // the request's own limit is 30 s
  });

  it('is not cut off while its body keeps arriving, however slowly in all', async () => {
    const port = await listen({ headersMs: 300, requestMs: 30_000, checkEveryMs: 50, bodyIdleMs: 400 });
    const body = JSON.stringify({ a: 'b'.repeat(28) });
    const head = `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    // 40 parts, one every 100 ms: 4 s in all, never 400 ms without a byte.
    const { answer } = await trickle(port, [head, ...body], 100);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('{"ok":true}');
  });

  it('is not watched once answered: a keep-alive connection idles as Node allows', async () => {
    const port = await listen({ headersMs: 300, requestMs: 30_000, checkEveryMs: 50, bodyIdleMs: 200 });
    const answer = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(again.status).toBe(200);
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
