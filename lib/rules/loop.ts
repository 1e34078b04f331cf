import "server-only";
import { evaluateRules, type RuleTickOptions } from "./engine";

/**
 * The worker's rule loop, beside the submission worker (scripts/worker.ts
 * starts both): a tick every `intervalMs`. The jobs it queues are sent by the
 * submission worker like any batch's. Every worker process may run it: rules
 * are locked one at a time (engine.ts), so they share the work.
 */
export class RuleLoop {
  private running = false;
  private done: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly opts: RuleTickOptions,
    private readonly events: { onError?: (err: unknown) => void } = {},
    private readonly intervalMs = 2_000,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.done;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        await evaluateRules(this.opts);
      } catch (err) {
        this.events.onError?.(err);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.intervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
