import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launcherEnv } from "../../lib/env";

/** INGEST_TOKEN, or one generated once and kept (mode 0600) under the data directory. */
export function resolveIngestToken(dataDir: string): { token: string; generated: boolean; file?: string } {
  const fromEnv = launcherEnv().INGEST_TOKEN;
  if (fromEnv) return { token: fromEnv, generated: false };
  const file = path.join(dataDir, "ingest-token");
  if (existsSync(file)) return { token: readFileSync(file, "utf8").trim(), generated: false, file };
  const token = `lvr_${randomBytes(24).toString("base64url")}`;
  writeFileSync(file, token + "\n", { mode: 0o600 });
  return { token, generated: true, file };
}
