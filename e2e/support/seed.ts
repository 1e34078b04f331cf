import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { e2eDatabaseUrl } from "./database";

const run = promisify(execFile);

// Plain Node, as the unit tests run the same modules: `server-only` resolves to the tests' stub (the config's paths).
const TSCONFIG = path.resolve("dev/testing/tsconfig.e2e-seed.json");

/**
 * Runs one of the console's server actions as a demo account, on the e2e
 * run's database (dev/testing/e2e-seed.ts): a spec's fixture written by the
 * product itself. Answers the action's result; a refusal fails the spec.
 */
export async function seedAs<T>(email: string, action: string, input: unknown): Promise<T> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", path.resolve("dev/testing/e2e-seed.ts"), action, email, JSON.stringify(input)],
    { env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG, DATABASE_URL: e2eDatabaseUrl(), NODE_ENV: "production" } },
  );
  // The answer is the last line: the product's log may have written before it.
  return JSON.parse(stdout.trimEnd().split("\n").at(-1) ?? "null") as T;
}
