import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, NAMESPACES } from "./messages";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The file an import specifier names ("@/…" or relative), when it is one of ours. */
function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")].find(
    (f) => existsSync(f) && statSync(f).isFile(),
  );
}

/** Every module of the browser's graph: the "use client" files and what they import, statically or with import(). */
function clientGraph(): Set<string> {
  const files = ["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
  const queue = files.filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")));
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)["']([^"']+)["']/gm)) {
      const target = resolveImport(file, m[1]!);
      if (target && !target.endsWith(".json")) queue.push(target);
    }
  }
  return seen;
}

/** Namespaces read through useTranslations / useMessages in `text`; "*" when a call names no namespace. */
function namespacesUsed(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\buseTranslations(?:<[^>]*>)?\(\s*(?:["']([a-zA-Z]+)[."']|\))/g)) out.add(m[1] ?? "*");
  if (/\buseMessages\(/.test(text)) out.add("*");
  return out;
}

describe("client message namespaces", () => {
  const graph = clientGraph();
  const used = new Map<string, string[]>();
  for (const file of graph)
    for (const ns of namespacesUsed(readFileSync(file, "utf8")))
      used.set(ns, [...(used.get(ns) ?? []), path.relative(ROOT, file)]);

  it("finds the client components (the scan works)", () => {
    expect([...graph].map((f) => path.relative(ROOT, f))).toEqual(
      expect.arrayContaining([
        "components/calls/filter-bar.tsx",
        "components/calls/status-badge.tsx",
        "components/shell/main-nav.tsx",
      ]),
    );
    expect(used.get("calls")).toContain("components/calls/filter-bar.tsx");
  });

  it("no code in the browser reads messages without naming its namespace", () => {
    expect(used.get("*") ?? []).toEqual([]);
  });

  it("the browser gets exactly the namespaces its code reads", () => {
    expect([...used.keys()].filter((ns) => ns !== "*").sort()).toEqual([...CLIENT_NAMESPACES].sort());
    for (const ns of CLIENT_NAMESPACES) expect(Object.keys(NAMESPACES)).toContain(ns);
  });
});
