import { defineConfig, devices } from "@playwright/test";
import { HEADLESS_CHROMIUM_ARGS } from "./dev/testing/chromium";

/**
 * End-to-end tests run against the production build started exactly as users
 * start it (scripts/start.ts), on a fresh embedded database in .data-e2e/.
 */
const PORT = Number(process.env.E2E_PORT || 3210);
export const baseURL = `http://127.0.0.1:${PORT}`;
// Single sign-on runs against a real OIDC provider beside the console (dev/testing/oidc-server.ts).
const OIDC_PORT = PORT + 3;
// alerts.spec.ts's webhook receiver, on loopback: allowed as a private alert receiver.
export const ALERT_RECEIVER_PORT = PORT + 5;
const OIDC_CLIENT = { id: "lvr-console-e2e", secret: "e2e-oidc-secret-0123456789abcdef" };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: HEADLESS_CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    // Specs run signed in as a supervisor unless they say otherwise.
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], storageState: "e2e/.auth/supervisor.json" },
    },
  ],
  webServer: [
    {
      command: "tsx dev/testing/oidc-server.ts",
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: {
        OIDC_E2E_PORT: String(OIDC_PORT),
        OIDC_E2E_CONSOLE_URL: baseURL,
        OIDC_E2E_CLIENT_ID: OIDC_CLIENT.id,
        OIDC_E2E_CLIENT_SECRET: OIDC_CLIENT.secret,
      },
    },
    {
      command: `rm -rf .data-e2e && tsx --conditions=react-server scripts/start.ts`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      // The production build comes first: on a busy 2-core machine it can take well over ten minutes.
      timeout: 1_800_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
      env: {
        PORT: String(PORT),
        DATA_DIR: ".data-e2e",
        TOP_EMULATOR_PORT: String(PORT + 1),
        EMBEDDED_PG_PORT: String(PORT + 2),
        INGEST_TOKEN: "e2e-ingest-token-0123456789abcdef",
        LOG_LEVEL: "info",
        // security.spec.ts reads what the product logged.
        LOG_FILE: ".data-e2e/server.log",
        // The sign-ins auth.setup.ts saves at the start must count as recent for the
        // whole run (sensitive actions ask again after REAUTH_MINUTES; the integration tests cover that).
        REAUTH_MINUTES: "240",
        SESSION_IDLE_MINUTES: "240",
        // Four-eyes approval on above 100 records (approval.spec.ts): the other specs send at most 100 at once,
        // and every bulk fix waits for a second supervisor (corrections.spec.ts approves its own as the admin).
        SUBMISSION_APPROVAL_THRESHOLD: "100",
        PUBLIC_URL: baseURL,
        OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
        OIDC_CLIENT_ID: OIDC_CLIENT.id,
        OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
        OIDC_NAME: "Test IdP",
        OIDC_ROLE_MAP: "lvr-supervisors:supervisor,lvr-admins:admin",
        ALERT_PRIVATE_HOSTS: `127.0.0.1:${ALERT_RECEIVER_PORT}`,
      },
    },
  ],
});
