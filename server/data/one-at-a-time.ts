/**
 * Builds of one thing, one at a time: a build asked while another runs waits for it to end (however
 * it ends), and everyone who asks meanwhile shares that waiting build — it starts after each of them
 * asked, so it is at least as new as any of them wanted. At most one running and one waiting.
 */
export class OneAtATime<T> {
  private running: Promise<void> | null = null;
  private waiting: Promise<T> | null = null;

  run(build: () => Promise<T>): Promise<T> {
    if (this.waiting) return this.waiting;
    if (!this.running) return this.start(build);
    const waiting = this.running.then(() => {
      this.waiting = null;
      return this.start(build);
    });
    this.waiting = waiting;
    return waiting;
  }

  private start(build: () => Promise<T>): Promise<T> {
    const built = build();
    const ended = built.then(
      () => undefined,
      () => undefined,
    );
    this.running = ended;
    void ended.then(() => {
      if (this.running === ended) this.running = null;
    });
    return built;
  }
}
