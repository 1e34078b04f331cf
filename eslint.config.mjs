import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers: app -> components -> lib, one way. lib is product code only:
 * it never imports app, components or the development tooling in dev/, and
 * lib/top (the TOP client) imports nothing of the project at all. Tests may
 * import dev/ (the test harness lives there). See CONTRIBUTING.md.
 */
const layer = (groups, message) => ({ group: groups, message });
const NO_APP = layer(
  ["@/app", "@/app/**", "**/app/**"],
  "app/ is the top layer: nothing imports it (app -> components -> lib).",
);
const NO_COMPONENTS = layer(
  ["@/components", "@/components/**", "**/components/**"],
  "lib/ never imports components/ (app -> components -> lib).",
);
const NO_DEV = layer(
  ["@/dev", "@/dev/**", "**/dev/**"],
  "Product code never imports development tooling (dev/); only scripts and tests do.",
);

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    ".data-*/**",
    "node_modules/**",
    "lib/db/generated/**",
    "dev/api-contract/v1.d.ts",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "dev/lint/fixtures/**",
  ]),
  {
    rules: {
      // One configuration module (lib/env/) reads the environment, in lib/env/process.ts; everything else asks it.
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Read configuration through lib/env (one section per area; launchers set variables with childEnv/exportEnv).",
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx,js,mjs}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_APP, NO_DEV] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx,js,mjs}"],
    ignores: ["**/*.test.{ts,tsx}", "lib/top/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_APP, NO_COMPONENTS, NO_DEV] }] },
  },
  {
    // The TOP client is a leaf: its configuration and transport are handed in, so it can be lifted out as it is.
    files: ["lib/top/**/*.{ts,tsx,js,mjs}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer(["@/**", "../**"], "lib/top imports nothing of the project (only its own files and packages)."),
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx,js,mjs}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_DEV] }] },
  },
  {
    // lib/env/process.ts is the one reader (and, through childEnv/exportEnv, the one writer) of the environment;
    // the scripts are not exempt. The test harness and the Playwright setup arrange the environment of the code
    // they test.
    files: ["lib/env/process.ts", "dev/**", "e2e/**", "playwright.config.ts", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
]);
