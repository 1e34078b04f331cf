import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm start` builds the app only when its sources changed since the last
 * build: a hash of every source file's path, size and mtime is kept beside
 * the build output.
 */

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "prisma/schema.prisma",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", ".next", ".data"]);
const MARKER = ".next/lvr-build-fingerprint";

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort())
      if (!SKIP.has(name) && !/\.test\.tsx?$/.test(name)) walk(path.join(p, name), out);
  } else {
    out.push(`${p}\0${st.size}\0${st.mtimeMs}`);
  }
}

export function sourceFingerprint(root = process.cwd()): string {
  const entries: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const marker = path.join(root, MARKER);
  if (!existsSync(path.join(root, ".next/BUILD_ID")) || !existsSync(marker)) return false;
  return readFileSync(marker, "utf8").trim() === sourceFingerprint(root);
}

export function recordBuild(root = process.cwd()): void {
  writeFileSync(path.join(root, MARKER), sourceFingerprint(root) + "\n");
}
