import cliProgress from 'cli-progress';

/** How the import reports what it is doing. */
export interface Progress {
  stage(label: string, total: number): void;
  tick(count?: number): void;
  log(message: string): void;
  end(): void;
}

export const silentProgress: Progress = { stage() {}, tick() {}, log() {}, end() {} };

/** A progress bar on a terminal; one line per stage elsewhere (CI logs, pipes). */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return {
      stage: (label) => stream.write(`• ${label}\n`),
      tick() {},
      log: (message) => stream.write(`  ${message}\n`),
      end() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: ' {bar} {percentage}% | {stage} ({value}/{total}) | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    stage(label, total) {
      if (running) bar.stop();
      bar.start(total, 0, { stage: label });
      running = true;
    },
    tick: (count = 1) => bar.increment(count),
    log(message) {
      if (running) {
        bar.stop();
        running = false;
      }
      stream.write(`  ${message}\n`);
    },
    end() {
      if (running) bar.stop();
      running = false;
    },
  };
}
