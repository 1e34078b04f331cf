/**
 * A loop a worker process starts and stops (the claim loops, the rule loop):
 * stop() ends it and waits for the round under way; a pause ends early on
 * stop().
 */
export abstract class BackgroundLoop {
  protected active = false;
  private stopped: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  start(): void {
    if (this.active) return;
    this.active = true;
    this.stopped = this.loop();
  }

  async stop(): Promise<void> {
    this.active = false;
    this.wake?.();
    await this.stopped;
  }

  protected abstract loop(): Promise<void>;

  /** Waits `ms`, or less: until `orUntil` settles, or stop() is called. */
  protected pause(ms: number, orUntil?: Promise<unknown> | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      void orUntil?.then(done);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
