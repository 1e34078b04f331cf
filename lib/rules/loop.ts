import "server-only";
import { BackgroundLoop } from "../queue/background-loop";
import { evaluateRules, type RuleTickOptions } from "./engine";

/**
 * The worker's rule loop, beside the submission worker (scripts/worker.ts
 * starts both): a tick every `intervalMs`. The jobs it queues are sent by the
 * submission worker like any batch's. Every worker process may run it: rules
 * are locked one at a time (engine.ts), so they share the work.
 */
export class RuleLoop extends BackgroundLoop {
  constructor(
    private readonly opts: RuleTickOptions,
    private readonly events: { onError?: (err: unknown) => void } = {},
    private readonly intervalMs = 2_000,
  ) {
    super();
  }

  protected async loop(): Promise<void> {
    while (this.active) {
      try {
        await evaluateRules(this.opts);
      } catch (err) {
        this.events.onError?.(err);
      }
      if (!this.active) break;
      await this.pause(this.intervalMs);
    }
  }
}
