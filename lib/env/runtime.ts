import { z } from "zod";
import { bool } from "./parse";

/** The demo accounts' password when DEMO_PASSWORD is unset. */
export const DEFAULT_DEMO_PASSWORD = "lvr-demo-2026";

/** The process itself: mode, logging, local state, the demo, stopping. */
export const runtimeSection = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Local state (embedded database, ingest token, archived recordings). */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Set by the start command when it runs the embedded demo (seeded data, demo logins). */
  DEMO_MODE: bool,
  /** Password of the demo accounts (shown on the sign-in page in demo mode only). */
  DEMO_PASSWORD: z.string().min(8).default(DEFAULT_DEMO_PASSWORD),
  /** How long a stopping process (SIGTERM) lets in-flight requests or TOP calls finish. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
});
