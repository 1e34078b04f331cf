// Runs `prisma generate` offline (npm's postinstall). Prisma 7's CLI insists on a schema-engine
// binary that it would download from outside the npm registry; generation does not use it, so
// pointing the variable at any existing file is enough (unless one is already configured).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { childEnv, processEnv } from "../lib/env/process";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: childEnv({
    PRISMA_SCHEMA_ENGINE_BINARY: processEnv().PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  }),
});
process.exit(result.status ?? 1);
