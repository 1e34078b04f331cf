import "server-only";
import { getEnv, type Env } from "../env";
import { ClaimLoop } from "../queue/claim-loop";
import { retryDelayMs } from "../submissions/backoff";
import { claimDeliveries, releaseDelivery, settleDelivery, type ClaimedDelivery } from "./queue";
import { renderDelivery, robotRefusal } from "./render";
import { sendRequest, type SendOptions } from "./send";

/**
 * Drains the alert delivery queue in the worker (scripts/worker.ts), beside the
 * submission worker and the recording archiver: each delivery is posted,
 * retried with exponential backoff and full jitter, and every attempt logged.
 */

export interface DispatcherConfig {
  concurrency: number;
  maxAttempts: number;
  leaseMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  publicUrl?: string;
  send: SendOptions;
}

export function dispatcherConfig(env: Env = getEnv()): DispatcherConfig {
  return {
    concurrency: 4,
    // About two hours of retries at the defaults below.
    maxAttempts: 8,
    leaseMs: 60_000,
    backoffBaseMs: 30_000,
    backoffMaxMs: 60 * 60_000,
    publicUrl: env.PUBLIC_URL,
    send: { timeoutMs: 10_000, privateHosts: env.ALERT_PRIVATE_HOSTS },
  };
}

/** Client errors that another attempt cannot fix (a wrong URL, a removed robot); 408 and 429 are worth retrying. */
function isPermanent(status: number | null): boolean {
  return status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export type DeliveryOutcome = "delivered" | "retrying" | "failed" | "stale";

/** One attempt of one claimed delivery, settled. */
export async function attemptDelivery(delivery: ClaimedDelivery, config: DispatcherConfig): Promise<DeliveryOutcome> {
  // A disabled channel receives nothing but its own test (sent by hand, to check it before enabling it).
  if (!delivery.channel.enabled && delivery.kind !== "test") {
    const settled = await settleDelivery(delivery, {
      delivered: false,
      retryAt: null,
      status: null,
      error: "the channel is disabled",
      responseBody: "",
      durationMs: 0,
    });
    return settled ? "failed" : "stale";
  }
  const request = renderDelivery(delivery.channel, delivery, { now: new Date(), publicUrl: config.publicUrl });
  const result = await sendRequest(request, config.send);
  const ok = result.error === null && result.status !== null && result.status >= 200 && result.status < 300;
  const refusal = ok ? robotRefusal(delivery.channel.type, result.body) : null;
  const delivered = ok && refusal === null;
  const error = delivered ? null : (result.error ?? refusal ?? `the receiver answered HTTP ${result.status}`);
  const retry = !delivered && !isPermanent(result.status) && delivery.attempt < config.maxAttempts;
  const retryAt = retry
    ? new Date(
        Date.now() + retryDelayMs(delivery.attempt, { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs }),
      )
    : null;
  const settled = await settleDelivery(delivery, {
    delivered,
    retryAt,
    status: result.status,
    error,
    responseBody: result.body,
    durationMs: result.durationMs,
  });
  if (!settled) return "stale";
  return delivered ? "delivered" : retry ? "retrying" : "failed";
}

export interface DispatcherEvents {
  onSettled?: (delivery: ClaimedDelivery, outcome: DeliveryOutcome) => void;
  onError?: (err: unknown) => void;
}

export class AlertDispatcher {
  private readonly loop: ClaimLoop<ClaimedDelivery>;

  constructor(
    private readonly config: DispatcherConfig,
    private readonly events: DispatcherEvents = {},
    pollMs = 1_000,
  ) {
    this.loop = new ClaimLoop({
      concurrency: config.concurrency,
      pollMs,
      claim: (n) => claimDeliveries(n, config.leaseMs),
      run: (delivery) => this.process(delivery),
      onError: (err) => events.onError?.(err),
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Stops claiming and lets posts under way finish (each is bounded by the send timeout). */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  private async process(delivery: ClaimedDelivery): Promise<void> {
    try {
      if (!this.loop.running) return await releaseDelivery(delivery);
      this.events.onSettled?.(delivery, await attemptDelivery(delivery, this.config));
    } catch (err) {
      // The delivery stays in flight until its lease runs out, then any worker takes it again.
      this.events.onError?.(err);
    }
  }
}
