import { z } from "zod";
import { mulberry32 } from "../../lib/random/mulberry32";

/**
 * Fault injection: each fault has a probability per request; a seeded PRNG
 * makes a run reproducible. Set at start (TOP_EMULATOR_FAULTS) or at run time
 * (POST /__emulator/faults).
 */

const p = z.number().min(0).max(1).default(0);

export const faultsSchema = z
  .object({
    seed: z.number().int().default(1),
    delay: z
      .object({ probability: p, minMs: z.number().int().min(0).default(0), maxMs: z.number().int().min(0).default(0) })
      .default({ probability: 0, minMs: 0, maxMs: 0 }),
    /** Never answers (the client's timeout must fire). */
    timeout: p,
    http502: p,
    http503: p,
    /** 200 with a body that is not JSON or XML. */
    garbage: p,
    /** 200 with JSON cut off halfway. */
    truncated: p,
    /** error_response code 7 "App Call Limited", with a ban of banSeconds. */
    rateLimit: z
      .object({ probability: p, banSeconds: z.number().int().min(1).max(3600).default(2) })
      .default({ probability: 0, banSeconds: 2 }),
    /** A hard cap like the real gateway's: more than `qps` requests in a second bans the app for banSeconds. */
    qpsCap: z
      .object({ qps: z.number().int().min(1), banSeconds: z.number().int().min(1).max(3600).default(1) })
      .nullable()
      .default(null),
    /** error_response 15 with sub_code isp.top-remote-connection-timeout. */
    ispTimeout: p,
    /** lvms_result_d_t_o success:false for a record that is otherwise fine. */
    businessReject: p,
  })
  .strict();

export type FaultConfig = z.infer<typeof faultsSchema>;
export type FaultInput = z.input<typeof faultsSchema>;

export const NO_FAULTS: FaultConfig = faultsSchema.parse({});

export type Fault =
  | { type: "timeout" }
  | { type: "http"; status: 502 | 503 }
  | { type: "garbage" }
  | { type: "truncated" }
  | { type: "rateLimit"; banSeconds: number }
  | { type: "ispTimeout" }
  | { type: "businessReject" };

/** Draws this request's fate. One draw per fault kind, always in the same order, so a seed replays exactly. */
export class FaultDice {
  private random: () => number;
  constructor(readonly config: FaultConfig) {
    this.random = mulberry32(config.seed);
  }

  delayMs(): number {
    const d = this.config.delay;
    if (d.probability === 0 || this.random() >= d.probability) return 0;
    return d.minMs + Math.floor(this.random() * (Math.max(d.maxMs, d.minMs) - d.minMs + 1));
  }

  /** Faults that replace the whole answer, decided before the request is checked. */
  transport(): Fault | null {
    const c = this.config;
    if (this.hit(c.timeout)) return { type: "timeout" };
    if (this.hit(c.http502)) return { type: "http", status: 502 };
    if (this.hit(c.http503)) return { type: "http", status: 503 };
    if (this.hit(c.garbage)) return { type: "garbage" };
    if (this.hit(c.truncated)) return { type: "truncated" };
    return null;
  }

  /** Faults of the platform behind a request that passed the protocol checks. */
  platform(): Fault | null {
    const c = this.config;
    if (this.hit(c.rateLimit.probability)) return { type: "rateLimit", banSeconds: c.rateLimit.banSeconds };
    if (this.hit(c.ispTimeout)) return { type: "ispTimeout" };
    if (this.hit(c.businessReject)) return { type: "businessReject" };
    return null;
  }

  private hit(probability: number): boolean {
    return probability > 0 && this.random() < probability;
  }
}

/** Requests per app per second; a burst over the cap bans the app like the real gateway does. */
export class QpsGate {
  private windows = new Map<string, { second: number; count: number; bannedUntil: number }>();

  /** Seconds of ban left (0 when the request may pass). */
  check(appKey: string, cap: FaultConfig["qpsCap"], now: number): number {
    if (!cap) return 0;
    const second = Math.floor(now / 1000);
    let w = this.windows.get(appKey);
    if (!w) this.windows.set(appKey, (w = { second, count: 0, bannedUntil: 0 }));
    if (now < w.bannedUntil) return Math.ceil((w.bannedUntil - now) / 1000);
    if (w.second !== second) {
      w.second = second;
      w.count = 0;
    }
    w.count++;
    if (w.count > cap.qps) {
      w.bannedUntil = now + cap.banSeconds * 1000;
      return cap.banSeconds;
    }
    return 0;
  }
}
