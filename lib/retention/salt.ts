import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv, type Env } from "../env";

/**
 * The salt of the hashes that replace removed phone numbers: RETENTION_HASH_SALT,
 * or one generated once into the data directory (mode 0600), like the ingest
 * token. Without the salt the hashes cannot be tested against guessed numbers
 * (a phone number has few enough digits to be guessed from a plain hash).
 */
export function retentionSalt(env: Env = getEnv()): string {
  if (env.RETENTION_HASH_SALT) return env.RETENTION_HASH_SALT;
  // A run-time setting: not for the build to trace.
  const file = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR, "retention-salt");
  try {
    return readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const salt = randomBytes(32).toString("base64url");
  // A worker deployed on its own may be the first process to use the data directory.
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // wx: when two processes start at once, the second reads the first's salt.
    writeFileSync(file, `${salt}\n`, { mode: 0o600, flag: "wx" });
    return salt;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST")
      return readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
    throw err;
  }
}
