import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

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
    include: [
      "lib/**/*.test.{ts,tsx}",
      "dev/**/*.test.{ts,tsx}",
      "app/**/*.test.{ts,tsx}",
      "components/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
    ],
    environment: "node",
    globalSetup: ["./dev/testing/global-setup.ts"],
    setupFiles: ["./dev/testing/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
