import madge from "madge";
import { describe, expect, it } from "vitest";

// No import cycle among the project's files: a cycle hides which module is the lower layer and
// makes a module's meaning depend on load order. Type-only imports count.
const config = {
  fileExtensions: ["ts", "tsx"],
  tsConfig: "tsconfig.json",
  // Prisma's generated client is not ours; the fixtures below are cycles on purpose.
  excludeRegExp: [/lib\/db\/generated\//, /dev\/lint\/fixtures\//],
};

describe("import cycles (madge)", () => {
  it("finds none in app, components, lib, dev and scripts", async () => {
    const result = await madge(["app", "components", "lib", "dev", "scripts"], config);
    expect(result.circular()).toEqual([]);
  }, 120_000);

  it("finds the cycle of the fixture (the check can fail)", async () => {
    const result = await madge(["dev/lint/fixtures/cycle"], { ...config, excludeRegExp: [] });
    expect(result.circular()).toEqual([["first.ts", "second.ts"]]);
  }, 60_000);
});
