import pg from 'pg';

/** Why a PostgreSQL server cannot be used, for a person: Italian, then English. */
function reason(error: unknown): [string, string] {
  const { code, message = '' } = error as { code?: string; message?: string };
  switch (code) {
    case 'ECONNREFUSED':
      return ['connessione rifiutata, nessun server in ascolto', 'connection refused, nothing listens there'];
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return ['nome host sconosciuto', 'unknown host name'];
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return ['server non raggiungibile', 'server unreachable'];
    case '28P01':
    case '28000':
      return ['utente o password rifiutati', 'user or password refused'];
    case '3D000':
      return ['il database non esiste', 'the database does not exist'];
  }
  if (/timeout/i.test(message)) return ['nessuna risposta entro il tempo limite', 'no answer in time'];
  if (/terminated|ended|protocol|unexpected|ECONNRESET/i.test(`${message} ${code ?? ''}`)) {
    return ['la connessione si è chiusa: è un server PostgreSQL?', 'the connection closed: is it a PostgreSQL server?'];
  }
  return [`errore ${code ?? ''} ${message}`.trim(), `error ${code ?? ''} ${message}`.trim()];
}

/** The URL without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL non valido / invalid)';
  }
}

/** DATABASE_URL names no PostgreSQL server this process can use (exit code 4). */
export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const [it, en] = reason(cause);
    const where = redactUrl(url);
    super(`Impossibile usare il database ${where}: ${it} / Cannot use the database ${where}: ${en}`.replace(/\s*\n\s*/g, ' '), { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

/**
 * Connects once and asks for nothing, so that a wrong DATABASE_URL (nothing there, another service,
 * a refused password) stops a command at once with one line instead of the pool's retries and stacks.
 */
export async function checkPostgres(url: string, timeoutMs = 15_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined); // a failure is what connect() rejects with
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachableError(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
