import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const TEST_ROOTS = ["lib", "dev", "app", "components", "scripts"];
const include = TEST_ROOTS.map((root) => `${root}/**/*.test.${root === "scripts" ? "ts" : "{ts,tsx}"}`);

/**
 * Test files that need a database of their own (dev/testing/private-database.ts),
 * found by what they contain so that a new one cannot be forgotten here:
 *
 * - Files that do a worker's database-wide work: run a submission worker (or
 *   claim jobs as one does), or run the compliance followups (directly or
 *   through the demo seed). A worker claims from every running batch of its
 *   database, and the followups are every ingest's: sharing the run's
 *   database, one file's worker would send another file's jobs or settle its
 *   followups under its assertions.
 * - Files that assert a query plan after ANALYZE. The statistics cover the
 *   whole table, so other files' rows, written while the plan test runs, can
 *   tip the planner to another plan than the one the test's own rows call for.
 */
const CLAIMS_JOBS = /new SubmissionWorker\(|claimJobs\(|worker-harness|runFollowups\(|seedDemo\(/;
const ASSERTS_PLANS = /\bANALYZE [a-z_]+`/;
function privateDatabaseFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(path);
      } else if (/\.test\.tsx?$/.test(entry.name)) {
        const text = readFileSync(path, "utf8");
        if (CLAIMS_JOBS.test(text) || ASSERTS_PLANS.test(text)) found.push(path);
      }
    }
  };
  TEST_ROOTS.forEach(walk);
  return found;
}
const privateFiles = privateDatabaseFiles();
const SETUP_ENV = "./dev/testing/setup-env.ts";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Component bundle; in tests
      // the modules that import it run in plain Node, which is where they belong.
      "server-only": fileURLToPath(new URL("./dev/testing/server-only-stub.ts", import.meta.url)),
      // Pages and server code read their language and messages from the request
      // in Next; called directly they get the default language and the real messages.
      "next-intl/server": fileURLToPath(new URL("./dev/testing/next-intl-server-stub.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    globalSetup: ["./dev/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "tests",
          include,
          exclude: [...configDefaults.exclude, ...privateFiles],
          setupFiles: [SETUP_ENV],
        },
      },
      {
        extends: true,
        test: {
          name: "own-database",
          include: privateFiles,
          setupFiles: [SETUP_ENV, "./dev/testing/private-database.ts"],
        },
      },
    ],
  },
});
