import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", ".data-*/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      // One env module (lib/env.ts) reads the environment; everything else asks it.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Entry points and the test harness set up the environment for everything else.
    files: ["lib/env.ts", "scripts/**", "lib/testing/**", "e2e/**", "playwright.config.ts", "next.config.js", "lib/db/embedded-postgres.ts", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
]);
