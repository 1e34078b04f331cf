import { z } from "zod";
import { parseTrustedProxies } from "../net/client-address";

/** The web app: its address, the proxies in front of it, the REST API's limits, /metrics. */
export const webSection = z.object({
  /** The console's own address; https makes the session cookie Secure. */
  PUBLIC_URL: z.string().url().optional(),
  /**
   * Proxies in front of the console whose X-Forwarded-For entries are believed:
   * addresses and CIDR ranges, comma-separated. Empty: none, the client is the
   * connection's own address (lib/net/client-address.ts).
   */
  TRUSTED_PROXY: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const parsed = parseTrustedProxies(value);
      if (parsed.ok) return parsed.ranges;
      ctx.addIssue({ code: "custom", message: `not an IP address or CIDR range: ${parsed.invalid.join(", ")}` });
      return z.NEVER;
    }),
  /** Bearer token that /metrics requires; unset: /metrics answers loopback clients only. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Requests one REST API token may make per API_RATE_WINDOW_SECONDS (every web instance counts together). */
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  API_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});
