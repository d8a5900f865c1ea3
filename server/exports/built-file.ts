import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/** A file written once into memory and sent many times: its bytes (gzipped or not) and an ETag from them. */
export interface BuiltFile {
  readonly body: Buffer;
  /** The body is gzip (sent as is to clients that accept it); else it is the file itself (e.g. a zip: XLSX). */
  readonly gzipped: boolean;
  readonly etag: string;
}

/** A file grew past the bytes it may take in memory. */
export class FileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file exceeds ${maxBytes} bytes`);
  }
}

/** Keeps what is written, hashing it, until it is more than `maxBytes`: then it fails with FileTooLarge. */
class CappedBuffer extends Writable {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private readonly hash = createHash('sha256');
  /** Set when it refused a chunk: the reason a build failed, whatever the writer met after. */
  tooLarge: FileTooLarge | undefined;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.tooLarge = new FileTooLarge(this.maxBytes);
      return done(this.tooLarge);
    }
    this.chunks.push(chunk);
    this.hash.update(chunk);
    done();
  }

  result(gzipped: boolean): BuiltFile {
    return { body: Buffer.concat(this.chunks, this.bytes), gzipped, etag: `"${this.hash.digest('base64url').slice(0, 22)}"` };
  }
}

/**
 * Builds a file in memory by letting `write` stream it (and end the stream), gzipped on the way when
 * `gzip`; never more than `maxBytes` of it kept (gzipped size): past that, the stream is destroyed,
 * `write` meets a destroyed stream (it must stop then) and the build fails with FileTooLarge.
 */
export async function buildFile(write: (out: Writable) => Promise<void>, options: { gzip: boolean; maxBytes: number }): Promise<BuiltFile> {
  const sink = new CappedBuffer(options.maxBytes);
  const gzip = options.gzip ? createGzip() : null;
  const head: Writable = gzip ?? sink;
  const written = gzip ? pipeline(gzip, sink) : finished(sink);
  const writing = write(head).catch((error: unknown) => {
    head.destroy(error as Error);
    throw error;
  });
  // The sink's failure ends the build at once, even if the writer were still busy.
  await Promise.all([writing, written]).catch((error: unknown) => {
    throw sink.tooLarge ?? error;
  });
  return sink.result(options.gzip);
}
