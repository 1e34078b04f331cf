import path from "node:path";
import { z } from "zod";
import type { Role } from "../auth/permissions";
import { alertsSection } from "./alerts";
import { audioSection } from "./audio";
import { authSection } from "./auth";
import { complianceSection } from "./compliance";
import { databaseSection } from "./database";
import { i18nSection } from "./i18n";
import { ingestSection } from "./ingest";
import { parseSection } from "./parse";
import { envGeneration, processEnv, type EnvSource } from "./process";
import { retentionSection } from "./retention";
import { reviewSection } from "./review";
import { runtimeSection } from "./runtime";
import { topSection } from "./top";
import { webSection } from "./web";
import { workerSection } from "./worker";

/**
 * The one configuration module: the app, the worker and every script read their
 * settings here, one zod schema per section (./database.ts, ./web.ts, …; the
 * launchers' own in ./launcher.ts). Only ./process.ts touches process.env.
 * The product's settings are parsed lazily (and once) so that `next build`,
 * which has no database, can import modules that use them.
 */

export const envSchema = z.object({
  ...runtimeSection.shape,
  ...databaseSection.shape,
  ...webSection.shape,
  ...authSection.shape,
  ...ingestSection.shape,
  ...topSection.shape,
  ...workerSection.shape,
  ...audioSection.shape,
  ...reviewSection.shape,
  ...retentionSection.shape,
  ...complianceSection.shape,
  ...alertsSection.shape,
  ...i18nSection.shape,
});

export type Env = z.infer<typeof envSchema>;

let cached: { env: Env; generation: number } | undefined;

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
  if (!cached || cached.generation !== envGeneration())
    cached = { env: parseEnv(processEnv()), generation: envGeneration() };
  return cached.env;
}

/** Tests that change process.env read it again. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function parseEnv(source: EnvSource): Env {
  return parseSection(envSchema, source);
}

export { childEnv, exportEnv, processEnv, type EnvSource } from "./process";
export { displayTimeZone } from "./i18n";
export { topConfig } from "./top";
export { workerConfig } from "./worker";
export { DEFAULT_DEMO_PASSWORD } from "./runtime";
export { benchEnv, emulatorEnv, launcherEnv, testDatabaseEnv, webServerEnv } from "./launcher";
