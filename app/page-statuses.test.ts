import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission } from "@/lib/auth/permissions";
import { isAboutOneThing, pageDirs } from "@/dev/testing/app-pages";

/** `dir` and every folder above it, from `app` down. */
const pathDirs = (dir: string): string[] =>
  dir.split(path.sep).map((_, i, parts) => parts.slice(0, i + 1).join(path.sep));
const hasLoading = (dir: string) => existsSync(path.join(dir, "loading.tsx"));

/**
 * A page about one thing (`[id]` in its path) answers 404 with that status
 * only when its check runs before anything streams: in a layout of its own
 * (`guardedByIdLayout`) with no loading boundary above it, since a
 * loading.tsx higher up starts the response, as a 200, before the layout
 * runs. e2e/input.spec.ts requests every such page; this finds a new one
 * that breaks the rule without a server.
 */
const loadingBoundariesAbove = (dir: string): string[] => pathDirs(dir).slice(0, -1).filter(hasLoading);

const pages = pageDirs().filter(isAboutOneThing);

describe("pages about one thing", () => {
  it("are found", () => {
    expect(pages).toContain(path.join("app", "calls", "[id]"));
  });

  it.each(pages)("%s checks its id in a layout, below every loading boundary", (dir) => {
    const layout = path.join(dir, "layout.tsx");
    expect(existsSync(layout) && readFileSync(layout, "utf8")).toContain("guardedByIdLayout(");
    expect(loadingBoundariesAbove(dir)).toEqual([]);
  });
});

/**
 * The same for a page's permission: a forbidden page answers 403 only when a
 * layout checks at least the page's permission before the first loading
 * boundary on its path; a page's own check below one comes too late.
 */
const permissionIn = (file: string): Permission[] =>
  [
    ...readFileSync(file, "utf8").matchAll(
      /(?:permission=|requireUser\(|requirePageRecord\(|guardedByIdLayout\()"([a-z:]+)"/g,
    ),
  ]
    .map((m) => m[1] as Permission)
    .filter((p) => p in PERMISSIONS);

/** The permissions layouts check before anything streams, and whether a loading boundary is on the path. */
function checkedBeforeStreaming(dir: string): { checked: Permission[]; streams: boolean } {
  const checked: Permission[] = [];
  let streams = false;
  for (const d of pathDirs(dir)) {
    if (!streams && existsSync(path.join(d, "layout.tsx"))) checked.push(...permissionIn(path.join(d, "layout.tsx")));
    if (hasLoading(d)) streams = true;
  }
  return { checked, streams };
}

const guardedPages = pageDirs()
  .map((dir) => ({ dir, permission: permissionIn(path.join(dir, "page.tsx"))[0] }))
  .filter((p): p is { dir: string; permission: Permission } => p.permission !== undefined);

describe("pages a role may not see", () => {
  it("are found", () => {
    expect(guardedPages.map((p) => p.dir)).toContain(path.join("app", "review", "calibration", "(list)"));
  });

  it.each(guardedPages)("$dir checks $permission before it streams", ({ dir, permission }) => {
    const { checked, streams } = checkedBeforeStreaming(dir);
    if (!streams) return; // no loading boundary: the page's own check decides the status
    // A check that refuses every role the page refuses.
    const enough = checked.some((c) => ROLES.every((role) => !can(role, c) || can(role, permission)));
    expect(enough, `layouts before the loading boundary check ${checked.join(", ") || "nothing"}`).toBe(true);
  });
});
