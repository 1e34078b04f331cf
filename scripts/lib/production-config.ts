import { parseEnv, processEnv, topConfig, workerConfig, type Env, type EnvSource } from "../../lib/env";

/**
 * What each production command needs before it does anything: every problem
 * at once, by variable name, never a value (a connection string or a secret
 * would end up in a log).
 */
export type Role = "migrate" | "web" | "worker";

export function checkProductionConfig(
  role: Role,
  source: EnvSource = processEnv(),
): { env: Env; problems: string[] } | { env: undefined; problems: string[] } {
  const problems: string[] = [];
  let env: Env | undefined;
  if (!source.DATABASE_URL)
    problems.push("DATABASE_URL is not set (postgresql://user:password@host:port/database; through PgBouncer is fine)");
  try {
    env = parseEnv(source);
  } catch (err) {
    if (source.DATABASE_URL) problems.push((err as Error).message);
    else
      problems.push(
        ...(err as Error).message
          .split("\n")
          .slice(1)
          .map((l) => l.trim())
          .filter((l) => !l.startsWith("DATABASE_URL")),
      );
  }
  if (role === "web") {
    if (!source.PUBLIC_URL) {
      problems.push(
        "PUBLIC_URL is not set: the console's address as browsers see it (https://… makes the session cookie Secure)",
      );
    } else if (URL.canParse(source.PUBLIC_URL)) {
      const url = new URL(source.PUBLIC_URL);
      const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
      if (url.protocol !== "https:" && !loopback) {
        problems.push(
          `PUBLIC_URL is http:// on ${url.hostname}: session cookies would travel unencrypted; serve the console over https (TLS at the proxy) and give its https:// address`,
        );
      }
    }
    if (!source.INGEST_TOKEN)
      problems.push(
        "INGEST_TOKEN is not set: the bearer token of the ingest API (24+ characters, e.g. `openssl rand -base64 32`)",
      );
  }
  if (role === "worker") {
    try {
      topConfig(source);
    } catch (err) {
      problems.push((err as Error).message);
    }
    try {
      workerConfig(source);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  return env && problems.length === 0 ? { env, problems } : { env: undefined, problems };
}

/** Prints the problems and exits 78 (EX_CONFIG), or returns the parsed settings. */
export function requireProductionConfig(role: Role, say: (line: string) => void = (l) => console.error(l)): Env {
  const { env, problems } = checkProductionConfig(role);
  if (!env) {
    say(`[${role}] configuration is incomplete; nothing was started:`);
    for (const p of problems) say(`  - ${p}`);
    process.exit(78);
  }
  return env;
}
