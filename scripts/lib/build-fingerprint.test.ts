import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFingerprint } from "./build-fingerprint";

/** A file `next build` reads, and one it does not; each written into a fresh tree. */
const READ_BY_THE_BUILD = [
  "app/page.tsx",
  "lib/x.ts",
  "components/y.tsx",
  "proxy.ts",
  "next.config.js",
  "tsconfig.json",
  "tsconfig.build.json",
];

describe("the build fingerprint", () => {
  it.each(READ_BY_THE_BUILD)("changes when %s changes", (file) => {
    const root = mkdtempSync(path.join(os.tmpdir(), "lvr-fingerprint-"));
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    const before = sourceFingerprint(root);
    writeFileSync(path.join(root, file), "changed");
    expect(sourceFingerprint(root)).not.toBe(before);
  });

  it("ignores tests and tooling the build does not read", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "lvr-fingerprint-"));
    mkdirSync(path.join(root, "lib"));
    mkdirSync(path.join(root, "e2e"));
    const before = sourceFingerprint(root);
    writeFileSync(path.join(root, "lib/x.test.ts"), "changed");
    writeFileSync(path.join(root, "e2e/z.spec.ts"), "changed");
    mkdirSync(path.join(root, "components"));
    writeFileSync(path.join(root, "components/w.test.tsx"), "changed");
    expect(sourceFingerprint(root)).toBe(before);
  });
});
