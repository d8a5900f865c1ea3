import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../infra/fatal';
import { PROJECT_ROOT } from '../../infra/paths';

/**
 * `npm start` with a setting an operator got wrong: it stops at once (before reading or importing
 * any data), prints one bilingual line on stderr and no stack trace, and exits with the cause's code.
 */

let work: string;
/** Accepts connections and answers like an SSH server: a port that is not PostgreSQL. */
let notPostgres: net.Server;
/** Listens: a port already taken. */
let taken: net.Server;

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
const listening = (server: net.Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const closed = (server: net.Server) => new Promise((resolve) => server.close(resolve));

/** A port nothing listens on (taken, then released). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await listening(server);
  const port = portOf(server);
  await closed(server);
  return port;
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-start-'));
  notPostgres = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end('SSH-2.0-OpenSSH_9.2\r\n', () => socket.destroy());
  });
  taken = net.createServer();
  await Promise.all([listening(notPostgres), listening(taken)]);
});
afterAll(async () => {
  await Promise.all([closed(notPostgres), closed(taken)]);
  await fs.rm(work, { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm start` (as package.json runs it) with these settings; killed after 40 s. */
function start(env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts'],
      {
        cwd: PROJECT_ROOT,
        timeout: 40_000,
        env: { ...process.env, DATABASE_URL: '', GEODATA_DIR: '', HOST: '127.0.0.1', ...env },
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** One line on stderr, Italian / English, and no stack trace anywhere. */
function expectOneLine(outcome: Outcome, line: RegExp): void {
  const lines = outcome.stderr.trim().split('\n');
  expect(lines, outcome.stderr).toEqual([expect.stringMatching(line)]);
  expect(lines[0]).toMatch(/ \/ /);
  expect(`${outcome.stdout}\n${outcome.stderr}`).not.toMatch(/^\s+at /m);
}

describe('npm start with a misconfiguration', () => {
  it('a DATABASE_URL whose port is not PostgreSQL: exit 4, one line, the password hidden', async () => {
    const outcome = await start({ DATABASE_URL: `postgres://ali:secret@127.0.0.1:${portOf(notPostgres)}/ali`, DATA_DIR: path.join(work, 'a') });
    expect(outcome.code).toBe(EXIT.database);
    expectOneLine(outcome, /^Impossibile usare il database postgres:\/\/ali:\*\*\*@127\.0\.0\.1:\d+\/ali: .* \/ Cannot use the database/);
    expect(outcome.stderr).not.toContain('secret');
  }, 60_000);

  it('a DATABASE_URL where nothing listens: exit 4, one line', async () => {
    const outcome = await start({ DATABASE_URL: `postgres://ali@127.0.0.1:${await freePort()}/ali`, DATA_DIR: path.join(work, 'b') });
    expect(outcome.code).toBe(EXIT.database);
    expectOneLine(outcome, /^Impossibile usare il database postgres:\/\/ali@127\.0\.0\.1:\d+\/ali: connessione rifiutata.* \/ Cannot use the database .*: connection refused/);
  }, 60_000);

  it('a DATA_DIR that cannot be written: exit 2, one line naming DATA_DIR, before reading any data', async () => {
    const file = path.join(work, 'a-file');
    await fs.writeFile(file, '');
    const outcome = await start({ DATA_DIR: path.join(file, 'data') });
    expect(outcome.code).toBe(EXIT.config);
    expectOneLine(outcome, /^DATA_DIR=.*a-file\/data non è una cartella scrivibile .* \/ DATA_DIR=.*a-file\/data is not a writable folder/);
    expect(outcome.stdout).not.toMatch(/Primo avvio|Importo/);
  }, 60_000);

  it('a PORT already in use: exit 5, one line, before importing anything', async () => {
    const dataDir = path.join(work, 'fresh');
    const outcome = await start({ DATA_DIR: dataDir, PORT: String(portOf(taken)) });
    expect(outcome.code).toBe(EXIT.port);
    expectOneLine(outcome, new RegExp(`^La porta ${portOf(taken)} è già in uso.* / Port ${portOf(taken)} is already in use`));
    // Nothing read, no database created.
    expect(outcome.stdout).not.toMatch(/Primo avvio|Importo/);
    await expect(fs.readdir(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);
});
