import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The configuration rule of eslint.config.mjs (no process.env outside lib/env/process.ts), run on a
// fixture that breaks it (two reads and one write of the environment), linted as if it stood in each
// place below. Inline rather than under dev/lint/fixtures: a file there would be linted on its own by
// the landing check, which warns on ignored files.
const eslint = new ESLint({ cwd: process.cwd() });
const FIXTURE = [
  "export const port = Number(process.env.PORT || 3000);",
  "export const host = process.env.HOST;",
  'process.env.DATABASE_URL = "postgresql://localhost/lvr";',
  "",
].join("\n");

async function envAccesses(as: string): Promise<string[]> {
  const [result] = await eslint.lintText(FIXTURE, { filePath: path.resolve(as) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-properties").map((m) => m.message);
}

describe("configuration only through lib/env (eslint no-restricted-properties)", () => {
  it("refuses process.env in a script", async () => {
    const messages = await envAccesses("scripts/env-fixture.ts");
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => /Read configuration through lib\/env/.test(m))).toBe(true);
  }, 60_000);

  it("refuses process.env in the scripts' helpers and in product code", async () => {
    expect(await envAccesses("scripts/lib/env-fixture.ts")).toHaveLength(3);
    expect(await envAccesses("lib/env-fixture.ts")).toHaveLength(3);
    expect(await envAccesses("lib/env/section-fixture.ts")).toHaveLength(3);
    expect(await envAccesses("app/env-fixture.ts")).toHaveLength(3);
  }, 60_000);

  it("lets lib/env/process.ts (the one reader) and tests through", async () => {
    expect(await envAccesses("lib/env/process.ts")).toEqual([]);
    expect(await envAccesses("scripts/env-fixture.test.ts")).toEqual([]);
  }, 60_000);
});
