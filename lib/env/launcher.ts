import { z } from "zod";
import { parseSection, port } from "./parse";
import { processEnv, type EnvSource } from "./process";
import { DEFAULT_DEMO_PASSWORD } from "./runtime";

/** Variables a launcher passes on untouched: here only whether they are set matters. */
function passedOn<K extends string>(...names: K[]): Record<K, z.ZodOptional<z.ZodString>> {
  const entries = names.map((name) => [name, z.string().optional()]);
  return Object.fromEntries(entries) as Record<K, z.ZodOptional<z.ZodString>>;
}

/**
 * The scripts' own settings (npm start, web, worker, migrate, seed, the TOP
 * emulator, the test database, the benchmark): read before the product's
 * settings are complete, or never by the product at all. A blank variable
 * counts as unset here, as the launchers always took it. Values a launcher
 * passes on untouched (DATABASE_URL, INGEST_TOKEN, TOP_*…) are only looked
 * at for being set; the product's sections validate them.
 */
export const launcherSection = z.object({
  /** Where npm start / npm run web listen. */
  PORT: port.default(3000),
  /** Interface to listen on; default 127.0.0.1 for npm start, 0.0.0.0 for npm run web. */
  HOST: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  /** Everything the product's processes print, also appended to this file (npm start). */
  LOG_FILE: z.string().optional(),
  /** "false" turns the embedded demo off (npm start); passed on as it is. */
  DEMO_MODE: z.string().optional(),
  /** "true": seed the demo data on an external DATABASE_URL too. */
  DEMO_SEED: z.string().optional(),
  DEMO_PASSWORD: z.string().default(DEFAULT_DEMO_PASSWORD),
  /** The first admin account, created when the database has no user. */
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  DATA_DIR: z.string().default(".data"),
  /** Port of the embedded PostgreSQL; unset: a free one. */
  EMBEDDED_PG_PORT: port.optional(),
  ...passedOn(
    "DATABASE_URL",
    "INGEST_TOKEN",
    "EVIDENCE_SIGNING_KEY",
    "TOP_GATEWAY_URL",
    "TOP_APP_KEY",
    "TOP_APP_SECRET",
    "TOP_EMULATOR_ACTIVE",
  ),
});

/** The local TOP emulator (npm run top:emulator, and the one npm start starts). */
export const emulatorSection = z.object({
  TOP_EMULATOR_PORT: port.default(3100),
  TOP_EMULATOR_HOST: z.string().default("127.0.0.1"),
  /** key1:secret1,key2:secret2; unset: the demo app. */
  TOP_EMULATOR_APPS: z.string().optional(),
  /** JSON fault settings, as POST /__emulator/faults takes. */
  TOP_EMULATOR_FAULTS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "is not JSON" });
        return z.NEVER;
      }
    }),
});

/** npm run test:pg: Debian's PostgreSQL and PgBouncer for the integration suite. */
export const testDatabaseSection = z.object({
  PG_TEST_PORT: port.default(4850),
  PGBOUNCER_TEST_PORT: port.default(4851),
});

/** The benchmark's settings beyond its run context (scripts/bench/context.ts reads BENCH_RECORDS and the rest). */
export const benchSection = z.object({
  /** An existing database for the benchmark; unset: an embedded one under BENCH_DIR. */
  BENCH_DATABASE_URL: z.string().optional(),
  BENCH_CHROMIUM: z.string().default("/usr/bin/chromium"),
});

const ms = z.coerce.number().int().min(1).max(3_600_000);

/**
 * The web server's time bounds (scripts/web-server.mjs runs in plain Node and cannot read lib/env:
 * its launchers hand these over as flags, scripts/lib/web-server-command.ts).
 */
export const webServerSection = z.object({
  /** How long a stopping web server lets requests in flight finish (the runtime section reads it too). */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  /** A request's headers, and the whole request, must arrive within these (then 408). */
  WEB_HEADERS_TIMEOUT_MS: ms.default(20_000),
  WEB_REQUEST_TIMEOUT_MS: ms.default(60_000),
  /** An ingest body must arrive within this of its headers (then 408). */
  INGEST_BODY_TIMEOUT_MS: ms.default(30_000),
});

const read =
  <S extends z.ZodType>(schema: S, title: string) =>
  (source: EnvSource = processEnv()): z.infer<S> =>
    parseSection(schema, source, { title, blankIsUnset: true });

/** Read fresh on every call: a launcher sets some of these for itself as it goes (exportEnv). */
export const launcherEnv = read(launcherSection, "invalid launcher settings");
export const emulatorEnv = read(emulatorSection, "invalid TOP emulator settings");
export const testDatabaseEnv = read(testDatabaseSection, "invalid test database settings");
export const benchEnv = read(benchSection, "invalid benchmark settings");
export const webServerEnv = read(webServerSection, "invalid web server settings");
