import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app';
import { createHttpServer } from '../../server/http/server';
import { createContext, followChanges, type AppContext, type ContextOptions } from '../../server/context';
import type { RateLimits } from '../../server/http/rate-limits';
import type { Database } from '../../infra/db/database';
import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from './test-database';

export interface TestServer {
  url: string;
  /** The HTTP server itself (a test may watch its 'request' events: what reached the server). */
  http: Server;
  ctx: AppContext;
  get(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  /** Any method with a JSON body and extra headers. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** The administrators' token of test servers (as ADMIN_TOKEN would set it). */
export const TEST_ADMIN_TOKEN = 'test-admin-token-not-secret';

/** The real app on an ephemeral port, over the given database. */
/** Limits no test reaches by accident; tests of the limits pass their own. */
export const TEST_RATE_LIMITS: RateLimits = { read: 1_000_000, computeMs: 1_000_000_000, computeAtOnce: 1_000_000, write: 1_000_000, adminFailures: 1_000_000 };

export async function startTestServer(db: Database, clientDir?: string, options: Omit<ContextOptions, 'clientDir'> = {}): Promise<TestServer> {
  const ctx = createContext(db, { clientDir, adminToken: TEST_ADMIN_TOKEN, rateLimits: TEST_RATE_LIMITS, ogcFeaturesPerMinute: 1e9, ...options });
  // As `npm start` does: changes announced on the database (NOTIFY) reach this instance's caches.
  const unfollow = await followChanges(ctx);
  const server: Server = await new Promise((resolve) => {
    const s = createHttpServer(createApp(ctx)).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    http: server,
    ctx,
    get: (path, init) => fetch(url + path, init),
    post: (path, body) =>
      fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    send: (method, path, body, headers = {}) =>
      fetch(url + path, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await unfollow();
      // Its tile indexes live in a thread of their own: ended with the server, not with the test process.
      await Promise.all([ctx.tileThread.close(), ctx.evaluationThread.close()]);
    },
  };
}

/**
 * For a test file: the app over a copy of the database, opened before the tests and closed after.
 * The copy is shared with the worker's other files unless `ownDatabase` (see openTestDatabase).
 * Read `.server` and `.database` inside tests.
 */
export function useTestServer(options: { ownDatabase?: boolean } = {}): { readonly server: TestServer; readonly database: TestDatabase } {
  const state: { server?: TestServer; database?: TestDatabase } = {};
  beforeAll(async () => {
    state.database = await openTestDatabase({ shared: !options.ownDatabase });
    state.server = await startTestServer(state.database.db);
  });
  afterAll(async () => {
    await state.server?.close();
    await state.database?.dispose();
  });
  return {
    get server() {
      if (!state.server) throw new Error('the test server is not running');
      return state.server;
    },
    get database() {
      if (!state.database) throw new Error('the test database is not open');
      return state.database;
    },
  };
}

/** A response read whole: status, headers, text, and the JSON object when the body is one. */
export async function readAnswer(response: Response): Promise<{ status: number; headers: Headers; text: string; json: Record<string, unknown> }> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: (text.startsWith('{') ? JSON.parse(text) : null) as Record<string, unknown> };
}
