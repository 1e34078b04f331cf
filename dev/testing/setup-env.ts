import { generateKeyPairSync } from "node:crypto";
import { inject } from "vitest";

// Point the app's env module (and so the Prisma singleton) at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DISPLAY_TIME_ZONE ??= "Asia/Shanghai";
process.env.LOG_LEVEL ??= "silent";
// next.config.js enables experimental.authInterrupts (forbidden()); Next's build sets this for the app.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
// Tests create admins and supervisors without a second factor; the tests of the
// requirement itself (lib/account/two-factor.test.ts) turn it on.
process.env.REQUIRE_2FA_ROLES ??= "";
// Evidence bundles are signed with EVIDENCE_SIGNING_KEY; without it the product would write a key into DATA_DIR.
process.env.EVIDENCE_SIGNING_KEY ??= generateKeyPairSync("ed25519")
  .privateKey.export({ format: "pem", type: "pkcs8" })
  .toString();
