import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/env";
import {
  benchSection,
  webServerSection,
  emulatorSection,
  launcherSection,
  testDatabaseSection,
} from "@/lib/env/launcher";
import { submissionSection } from "@/lib/env/worker";

/**
 * The README and docs/ point at each other and at the code; a moved or renamed
 * file must not leave a dead link behind, and every setting the configuration
 * module reads must be in docs/configuration.md.
 */

const root = path.resolve(__dirname, "../..");
const docs = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const seen = new Set<string>();
  for (const line of markdown.replace(/```[\s\S]*?```/g, "").split("\n")) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const slug = (m[1] ?? "")
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    seen.add(slug);
  }
  return seen;
}

function links(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "");
}

describe("documentation links", () => {
  for (const file of docs) {
    it(`${file}: every relative link points at an existing file and heading`, () => {
      const text = readFileSync(path.join(root, file), "utf8");
      const broken: string[] = [];
      for (const href of links(text)) {
        if (/^[a-z]+:/i.test(href)) continue; // http:, https:, mailto:
        const [target = "", fragment] = href.split("#");
        const resolved =
          target === "" ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), target);
        if (!existsSync(resolved)) {
          broken.push(`${href} (no such file)`);
          continue;
        }
        if (fragment && resolved.endsWith(".md") && !anchors(readFileSync(resolved, "utf8")).has(fragment)) {
          broken.push(`${href} (no such heading)`);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it("every variable the configuration module reads is in the configuration's tables", () => {
    const table = readFileSync(path.join(root, "docs/configuration.md"), "utf8");
    const rows = table.split("\n").filter((l) => l.startsWith("| `"));
    const documented = new Set(
      rows.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1] ?? "")),
    );
    const sections = [
      envSchema,
      launcherSection,
      emulatorSection,
      testDatabaseSection,
      benchSection,
      webServerSection,
      submissionSection,
    ];
    const missing = sections.flatMap((s) => Object.keys(s.shape)).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it("code comments that cite a document cite one that exists", () => {
    const cited: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        if (entry === "node_modules" || entry.startsWith(".")) continue;
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx|mjs|js)$/.test(entry)) {
          for (const m of readFileSync(full, "utf8").matchAll(/\bdocs\/[\w.-]+\.md\b/g)) {
            if (!existsSync(path.join(root, m[0]))) cited.push(`${path.relative(root, full)}: ${m[0]}`);
          }
          for (const m of readFileSync(full, "utf8").matchAll(/(?<![\w/])(DESIGN|TOP-PROTOCOL|STACK-NOTES)\.md\b/g)) {
            cited.push(`${path.relative(root, full)}: ${m[0]} (not in the repository)`);
          }
        }
      }
    };
    for (const dir of ["lib", "app", "components", "scripts", "dev"]) walk(path.join(root, dir));
    expect(cited).toEqual([]);
  });
});
