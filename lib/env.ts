import path from "node:path";
import { z } from "zod";
import { ROLES, type Role } from "./auth/permissions";
import { isSigningKey } from "./evidence/signing-key";
import { parseTrustedProxies } from "./net/client-address";
import { CALLING_HOURS } from "./compliance/hours";

/**
 * The one place that reads process.env for the app and the worker. Parsed
 * lazily (and once) so that `next build`, which has no database, can import
 * modules that use it.
 */

/** A retention period: a whole number of days, or `keep` (never removed). */
const retentionDays = z
  .string()
  .trim()
  .default("keep")
  .transform((v, ctx) => {
    if (v === "" || v.toLowerCase() === "keep") return "keep" as const;
    if (/^\d{1,6}$/.test(v) && Number(v) >= 1) return Number(v);
    ctx.addIssue({ code: "custom", message: `must be a number of days (1 or more) or "keep", not "${v}"` });
    return z.NEVER;
  });

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (npm start sets it when it runs the embedded PostgreSQL)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  INGEST_TOKEN: z.string().min(24, "INGEST_TOKEN must be at least 24 characters").optional(),
  INGEST_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 1024 * 1024),
  DISPLAY_TIME_ZONE: z
    .string()
    .refine(isTimeZone, "DISPLAY_TIME_ZONE is not an IANA time zone")
    .default("Asia/Shanghai"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Set by the start command when it runs the embedded demo (seeded data, demo logins). */
  DEMO_MODE: bool,
  /** Set by the start command when TOP_GATEWAY_URL points at the local emulator it started. */
  TOP_EMULATOR_ACTIVE: bool,
  TOP_GATEWAY_URL: z.string().url().optional(),
  /** How long a sign-in lasts. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** A session unused for this long ends (0: only the absolute SESSION_TTL_HOURS applies). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60 * 30)
    .default(60),
  /** Sensitive actions ask for the password or second factor again when the last proof is older than this. */
  REAUTH_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /**
   * Roles that must use a second factor (TOTP), comma-separated; empty: nobody
   * must. Unset: supervisor,admin, except in the demo (npm start's seeded data), where nobody must.
   */
  REQUIRE_2FA_ROLES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const roles = value
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean);
      const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length === 0) return roles as Role[];
      ctx.addIssue({ code: "custom", message: `not a role: ${unknown.join(", ")} (roles: ${ROLES.join(", ")})` });
      return z.NEVER;
    }),
  /** How long an admin's set-password link works. */
  PASSWORD_RESET_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 14)
    .default(24),
  /** Consecutive failed sign-ins that lock an account, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
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
  /** Password of the demo accounts (shown on the sign-in page in demo mode only). */
  DEMO_PASSWORD: z.string().min(8).default("lvr-demo-2026"),
  /** Hosts (host[:port]) recordings may be fetched from, comma-separated; the console's own demo files are always served. */
  AUDIO_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Local state (embedded database, ingest token, archived recordings). */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Where archived recordings are kept; default `$DATA_DIR/audio-archive`. */
  AUDIO_ARCHIVE_DIR: z.string().min(1).optional(),
  /** Recordings fetched per second for the archive, per worker process (vendors throttle too). */
  AUDIO_ARCHIVE_RATE: z.coerce.number().positive().max(1000).default(2),
  /** Recordings fetched at once, per worker process; 0: this worker does not archive. */
  AUDIO_ARCHIVE_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(2),
  /** Attempts before a recording is marked failed (it still plays from the live link while that works). */
  AUDIO_ARCHIVE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** Largest recording fetched (proxy and archive). */
  AUDIO_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /** Time allowed for fetching a recording (no answer, or the whole download when archiving). */
  AUDIO_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /**
   * Four-eyes approval: a batch above this many records, every resend of accepted records and every bulk
   * fix wait for a second supervisor. Unset (or `off`): no approval step.
   */
  SUBMISSION_APPROVAL_THRESHOLD: z.preprocess(
    (v) => (v === "" || v === "off" ? undefined : v),
    z.coerce.number().int().min(0).max(100_000_000).optional(),
  ),
  /** A record received longer ago than this and not accepted by TOP counts as overdue on /reconciliation. */
  RECONCILE_OVERDUE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
  /** On /reconciliation, a job silent for longer than this during calling hours, between two of its calls of one day, is a gap. */
  RECONCILE_GAP_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  /** Retention periods per data class (docs/retention.md): days, or `keep`. */
  RETENTION_RECORDINGS_DAYS: retentionDays,
  RETENTION_PERSONAL_DATA_DAYS: retentionDays,
  RETENTION_ATTEMPT_PARAMS_DAYS: retentionDays,
  RETENTION_AUDIT_DAYS: retentionDays,
  /** Salt of the numbers' hashes that replace them; unset: one generated once into `$DATA_DIR/retention-salt`. */
  RETENTION_HASH_SALT: z.string().min(16, "RETENTION_HASH_SALT must be at least 16 characters").optional(),
  /** Hour of the day (0–23, DISPLAY_TIME_ZONE) from which the worker runs the day's retention. */
  RETENTION_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  /**
   * The Ed25519 private key (PKCS#8, PEM or base64 DER) that signs evidence bundles; unset: one generated
   * once into DATA_DIR (evidence-signing-key.pem).
   */
  EVIDENCE_SIGNING_KEY: z
    .string()
    .refine(isSigningKey, "EVIDENCE_SIGNING_KEY is not an Ed25519 private key (PKCS#8, PEM or base64 DER)")
    .optional(),
  /** How long a reviewer holds a record of a review queue before another reviewer may get it. */
  REVIEW_CLAIM_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  /**
   * A connection straight to PostgreSQL, not through PgBouncer, for the
   * migration runner (npm run migrate). Optional: it takes its locks inside
   * transactions and also works through transaction pooling.
   */
  DIRECT_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DIRECT_DATABASE_URL must be a postgresql:// connection string")
    .optional(),
  /** off: only BREAK_GLASS_EMAIL may sign in with a password; everyone else uses single sign-on. */
  PASSWORD_SIGN_IN: z.enum(["on", "off"]).default("on"),
  /** The one account that still signs in with a password when PASSWORD_SIGN_IN=off (when the provider is down). */
  BREAK_GLASS_EMAIL: z.string().trim().toLowerCase().email().optional(),
  /** Single sign-on (lib/auth/oidc): the provider's issuer URL; unset: no "Sign in with" button. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button ("Sign in with <name>"). */
  OIDC_NAME: z.string().min(1).max(60).default("SSO"),
  OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  /** The claim (ID token or userinfo) that lists the user's groups. */
  OIDC_ROLE_CLAIM: z.string().min(1).default("groups"),
  /** group:role pairs, comma-separated; a user in several mapped groups gets the highest role. */
  OIDC_ROLE_MAP: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const map = new Map<string, Role>();
      for (const pair of value
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)) {
        const at = pair.lastIndexOf(":");
        const group = pair.slice(0, at).trim();
        const role = pair.slice(at + 1).trim();
        if (at <= 0 || !(ROLES as readonly string[]).includes(role)) {
          ctx.addIssue({ code: "custom", message: `not group:role: "${pair}" (roles: ${ROLES.join(", ")})` });
          return z.NEVER;
        }
        map.set(group, role as Role);
      }
      return map;
    }),
  /** Bearer token that /metrics requires; unset: /metrics answers loopback clients only. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Port of the worker's own /metrics and /api/ready (npm run worker); unset: none. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** How long a stopping process (SIGTERM) lets in-flight requests or TOP calls finish. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  /** Requests one REST API token may make per API_RATE_WINDOW_SECONDS (every web instance counts together). */
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  API_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Internal alert receivers (host[:port], comma-separated) that may be at private addresses; others must be public. */
  ALERT_PRIVATE_HOSTS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Recordings whose archiving failed for good within one hour above which an alert is raised (0: never). */
  ALERT_ARCHIVE_FAILURES_THRESHOLD: z.coerce.number().int().min(0).default(20),
  /** Pushed records rejected by ingest within one hour above which an alert is raised (0: never). */
  ALERT_INGEST_REJECTIONS_THRESHOLD: z.coerce.number().int().min(0).default(100),
  /** A reporting rule pauses itself when more than this percent of its last 100 answers are rejections. */
  RULE_REJECTION_PAUSE_PERCENT: z.coerce.number().min(0).max(100).default(20),
  /** Permitted calling window, "HH:MM-HH:MM" in DISPLAY_TIME_ZONE (start inclusive, end exclusive); jobs may override it. */
  COMPLIANCE_CALLING_HOURS: z
    .string()
    .regex(CALLING_HOURS, 'COMPLIANCE_CALLING_HOURS must be "HH:MM-HH:MM", e.g. 08:00-21:00')
    .default("08:00-21:00"),
  /** Calls to one number per day (DISPLAY_TIME_ZONE) before the next one is flagged. */
  COMPLIANCE_MAX_CALLS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(3),
  /** Calls to one number in 7 days (the call's day and the 6 before) before the next one is flagged. */
  COMPLIANCE_MAX_CALLS_PER_7_DAYS: z.coerce.number().int().min(1).max(10000).default(10),
  /** How far chat_duration may disagree with end_time − start_time before it is an anomaly. */
  COMPLIANCE_DURATION_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The archive directory, absolute. */
export function audioArchiveDir(env: Env = getEnv()): string {
  // A run-time setting: not for the build to trace (it would take the whole project into the server output).
  return path.resolve(/*turbopackIgnore: true*/ env.AUDIO_ARCHIVE_DIR ?? path.join(env.DATA_DIR, "audio-archive"));
}

/** The roles that must use a second factor (REQUIRE_2FA_ROLES, with its demo-aware default). */
export function rolesRequiring2fa(env: Env = getEnv()): readonly Role[] {
  return env.REQUIRE_2FA_ROLES ?? (env.DEMO_MODE ? [] : ["supervisor", "admin"]);
}

export function getEnv(): Env {
  if (!cached) cached = parseEnv(process.env);
  return cached;
}

/** Tests that change process.env read it again. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Raw variables for modules that validate their own slice (lib/top/config.ts). */
export function rawEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
