import { DataDirLockedError } from './db/data-dir-lock';
import { DatabaseUnreachableError, redactUrl } from './db/postgres-check';

/** A setting a person must fix (a variable of the environment): one line, no stack trace. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Exit codes of `npm start` and the data commands, so that scripts can tell the causes apart. */
export const EXIT = { failed: 1, config: 2, locked: 3, database: 4, port: 5 } as const;

interface Coded {
  code?: string;
  address?: string;
  port?: number;
  describe?: () => string;
}

const PG_UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '28000', '3D000']);

/** What to print for an error that stops a command, and its exit code: one clear line where we know the cause. */
export function describeFatal(error: unknown, databaseUrl?: string): { message: string; exitCode: number } {
  const e = error as Coded & Error;
  if (error instanceof ConfigError) return { message: error.message, exitCode: EXIT.config };
  if (error instanceof DataDirLockedError) return { message: error.message, exitCode: EXIT.locked };
  if (error instanceof DatabaseUnreachableError) return { message: error.message, exitCode: EXIT.database };
  if (e?.code === 'EADDRINUSE') {
    return {
      message: `La porta ${e.port ?? ''} è già in uso: ferma l'altro server o scegli PORT=… / Port ${e.port ?? ''} is already in use: stop the other server or set PORT=…`,
      exitCode: EXIT.port,
    };
  }
  if (e?.code === 'EACCES' && e.port !== undefined) {
    return { message: `Non posso usare la porta ${e.port} (permesso negato) / Cannot listen on port ${e.port} (permission denied)`, exitCode: EXIT.port };
  }
  if (databaseUrl && e?.code && PG_UNREACHABLE.has(e.code)) {
    return {
      message: `Impossibile usare il database ${redactUrl(databaseUrl)} (${e.code}: ${e.message}) / Cannot use the database ${redactUrl(databaseUrl)}`,
      exitCode: EXIT.database,
    };
  }
  if (typeof e?.describe === 'function') return { message: e.describe(), exitCode: EXIT.failed };
  return { message: e instanceof Error ? (e.stack ?? e.message) : String(error), exitCode: EXIT.failed };
}

/** Prints the error for a person and sets the exit code. */
export function reportFatal(error: unknown, databaseUrl?: string): void {
  const { message, exitCode } = describeFatal(error, databaseUrl);
  console.error(message);
  process.exitCode = exitCode;
}
