import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Small files with names that say what they hold: a file past this many lines holds more than one
// thing and wants splitting (CONTRIBUTING.md). Tests count: they are read as often as the code.
const MAX_LINES = 300;
const ROOTS = ["app", "components", "lib"];
const SOURCE = /\.(ts|tsx|js|mjs|css)$/;
// Prisma's generated client is not ours.
const SKIPPED = new Set(["lib/db/generated"]);

function sourceFiles(dir: string): string[] {
  if (SKIPPED.has(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

function longFiles(roots: readonly string[], max = MAX_LINES): string[] {
  return roots
    .flatMap(sourceFiles)
    .map((path) => ({ path, lines: readFileSync(path, "utf8").split("\n").length - 1 }))
    .filter((f) => f.lines > max)
    .map((f) => `${f.path}: ${f.lines} lines`);
}

describe(`files of at most ${MAX_LINES} lines`, () => {
  it("holds in app, components and lib", () => {
    expect(longFiles(ROOTS)).toEqual([]);
  });

  it("finds a longer file (the check can fail)", () => {
    expect(longFiles(["dev/lint"], 10).find((f) => f.startsWith("dev/lint/file-length.test.ts: "))).toBeDefined();
  });
});
