/**
 * Whether this instance's writes are failing for a reason no retry fixes by itself: the disk is
 * full, the database or its files are read-only. Reads keep working then, so the database answering
 * is not enough for `/api/health` to say "ok". A failure is remembered until a write succeeds, or
 * for `FORGET_AFTER_MS` (when no one writes meanwhile, the space may have been freed).
 */

/** Error codes (PostgreSQL's, then Node's) of a write that cannot succeed until an operator acts, with what they mean. */
const LASTING_WRITE_FAILURES: Record<string, { it: string; en: string }> = {
  '53100': { it: 'disco pieno', en: 'disk full' },
  ENOSPC: { it: 'disco pieno', en: 'disk full' },
  EDQUOT: { it: 'quota del disco esaurita', en: 'disk quota exceeded' },
  '25006': { it: 'database in sola lettura', en: 'read-only database' },
  EROFS: { it: 'file system in sola lettura', en: 'read-only file system' },
};

export const FORGET_AFTER_MS = 10 * 60_000;

export interface WriteFailure {
  code: string;
  reason: { it: string; en: string };
  /** When it was last seen (ISO 8601). */
  lastSeen: string;
}

export class WriteHealth {
  private failure: { code: string; atMs: number } | null = null;

  /** Looks at an error a request ended with; remembers it if it is one of a lasting write failure. */
  observe(error: unknown, now = Date.now()): void {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code in LASTING_WRITE_FAILURES) this.failure = { code, atMs: now };
  }

  /** A write went through: whatever failed before is over. */
  succeeded(): void {
    this.failure = null;
  }

  /** The lasting failure of the writes, if one was seen recently and no write has succeeded since. */
  failing(now = Date.now()): WriteFailure | null {
    const failure = this.failure;
    if (!failure || now - failure.atMs > FORGET_AFTER_MS) return null;
    return { code: failure.code, reason: LASTING_WRITE_FAILURES[failure.code]!, lastSeen: new Date(failure.atMs).toISOString() };
  }
}
