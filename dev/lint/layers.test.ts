import { readFile } from "node:fs/promises";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rule of eslint.config.mjs, run on files that break it (dev/lint/fixtures, left out
// of the normal lint run), each linted as if it stood where the comment at its top says.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(fixture: string, as: string): Promise<string[]> {
  const code = await readFile(path.join("dev/lint/fixtures", fixture), "utf8");
  const [result] = await eslint.lintText(code, { filePath: path.resolve(as) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import layers (eslint no-restricted-imports)", () => {
  it("refuses lib importing app, components or dev", async () => {
    const messages = await restrictedImports("lib-imports-upward.ts", "lib/layer-fixture.ts");
    expect(messages).toHaveLength(3);
    expect(messages.join("\n")).toMatch(/app\/ is the top layer/);
    expect(messages.join("\n")).toMatch(/lib\/ never imports components/);
    expect(messages.join("\n")).toMatch(/never imports development tooling/);
  }, 60_000);

  it("refuses lib/top importing anything of the project", async () => {
    const messages = await restrictedImports("top-imports-project.ts", "lib/top/layer-fixture.ts");
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => /lib\/top imports nothing of the project/.test(m))).toBe(true);
  }, 60_000);

  it("refuses components importing app", async () => {
    expect(await restrictedImports("component-imports-app.tsx", "components/layer-fixture.tsx")).toHaveLength(1);
  }, 60_000);

  it("lets the same imports through in app (the top layer)", async () => {
    const code =
      'import { cn } from "@/components/ui/cn";\nimport { getEnv } from "@/lib/env";\n\nexport const fine = [cn, getEnv];\n';
    const [result] = await eslint.lintText(code, { filePath: path.resolve("app/layer-fixture.ts") });
    expect(result?.messages.filter((m) => m.ruleId === "no-restricted-imports")).toEqual([]);
  }, 60_000);
});
