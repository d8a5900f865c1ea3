/** A problem with the source data: nothing has been written when this is thrown. */
export class GeodataError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'GeodataError';
  }

  /** The message with its list of problems, for a terminal. */
  describe(limit = 20): string {
    const shown = this.problems.slice(0, limit).map((p) => `  - ${p}`);
    if (this.problems.length > limit) shown.push(`  … and ${this.problems.length - limit} more`);
    return [this.message, ...shown].join('\n');
  }
}
