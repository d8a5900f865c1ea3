import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedBody, sendCachedGzip, sendGzipped } from '../../server/http/gzipped';

/** Conditional requests on the gzipped answers: If-None-Match read as HTTP defines it (RFC 9110 §13.1.2). */

let server: http.Server;
let base: string;
const cached = cachedBody('{"ok":true}');

beforeAll(async () => {
  const app = express();
  app.get('/versioned', (req, res) => sendGzipped(req, res, gzipSync('{"v":3}'), 'application/json', 3, false));
  app.get('/cached', (req, res) => sendCachedGzip(req, res, cached.gzipped, 'application/json', cached.etag));
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const status = async (path: string, ifNoneMatch: string) => (await fetch(`${base}${path}`, { headers: { 'If-None-Match': ifNoneMatch } })).status;

describe('If-None-Match on gzipped answers', () => {
  it('answers 304 to the same tag, to a list that holds it, to its weak form and to *', async () => {
    expect(await status('/versioned', '"v3"')).toBe(304);
    expect(await status('/versioned', '"v1", "v3"')).toBe(304);
    expect(await status('/versioned', 'W/"v3"')).toBe(304);
    expect(await status('/versioned', '*')).toBe(304);
    expect(await status('/cached', `"x", W/${cached.etag}`)).toBe(304);
  });

  it('sends the body to another tag or a list without it', async () => {
    expect(await status('/versioned', '"v2"')).toBe(200);
    expect(await status('/versioned', '"v1", "v2"')).toBe(200);
    const res = await fetch(`${base}/cached`, { headers: { 'If-None-Match': '"other"' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(cached.etag);
    expect(await res.json()).toEqual({ ok: true });
  });
});
