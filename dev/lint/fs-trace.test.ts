import { readFile } from "node:fs/promises";
import madge from "madge";
import { describe, expect, it } from "vitest";

/**
 * Server code the app bundles must not read the filesystem at a path the
 * bundler cannot scope: `next build` then traces the whole project, reading
 * every file under it, and an embedded database of many gigabytes in .data/
 * (or bench/tmp/) drove the build out of memory. Such a read is either scoped
 * to a literal folder or marked `/*turbopackIgnore: true*\/`.
 */
const FS_CALL =
  /\b(readdir|readFile|readFileSync|readdirSync|createReadStream|opendir|stat|statSync|lstat|access|existsSync)\(\s*([^)\s][^,)]*)/g;

async function unscopedReads(entries: string[], exclude: RegExp[]): Promise<string[]> {
  const graph = await madge(entries, {
    baseDir: ".",
    fileExtensions: ["ts", "tsx"],
    tsConfig: "tsconfig.json",
    excludeRegExp: exclude,
  });
  const found: string[] = [];
  for (const file of Object.keys(graph.obj())) {
    const source = await readFile(file, "utf8");
    for (const m of source.matchAll(FS_CALL)) {
      const arg = m[2]!.trim();
      if (/^["'`][^`$]*["'`]$/.test(arg) || arg.startsWith("/*turbopackIgnore: true*/")) continue;
      found.push(`${file}: ${m[1]}(${arg}`);
    }
  }
  return found;
}

describe("filesystem reads in the app's server code", () => {
  it("are scoped or marked for the bundler in everything app/ imports", async () => {
    expect(await unscopedReads(["app"], [/lib\/db\/generated\//, /\.test\.tsx?$/, /^dev\//])).toEqual([]);
  }, 120_000);

  it("finds the unmarked read of the fixture (the check can fail)", async () => {
    expect(await unscopedReads(["dev/lint/fixtures/fs-trace"], [])).toEqual([
      "dev/lint/fixtures/fs-trace/reads.ts: readFile(dir",
    ]);
  }, 60_000);
});
