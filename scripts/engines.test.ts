import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * `npm ci` warns EBADENGINE for every installed package whose `engines.node`
 * excludes the running Node. The lock file records those fields, so this
 * checks them against what package.json declares: every Node version the
 * project accepts must satisfy every installed package.
 */
const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL("package-lock.json", root), "utf8")) as {
  packages: Record<string, { engines?: Record<string, string> | string[] }>;
};

describe("declared Node engines", () => {
  it("are supported by every package in the lock file", () => {
    const declared = pkg.engines.node;
    // The declared range is open upwards; the major it starts at is what CI runs and what must not warn.
    const min = semver.minVersion(declared);
    expect(min).not.toBeNull();
    const oldest = `>=${min!.version} <${min!.major + 1}`;
    const unsupported = Object.entries(lock.packages)
      .filter(
        ([path, p]) => path !== "" && p.engines && !Array.isArray(p.engines) && typeof p.engines.node === "string",
      )
      .filter(([, p]) => !semver.subset(oldest, (p.engines as Record<string, string>).node!))
      .map(
        ([path, p]) =>
          `${path.replace(/^.*node_modules\//, "")} wants node ${(p.engines as Record<string, string>).node}`,
      );
    expect(unsupported).toEqual([]);
  });
});
