import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission } from "@/lib/auth/permissions";

/**
 * A page about one thing (`[id]` in its path) answers 404 with that status
 * only when its check runs before anything streams: in a layout of its own
 * (`guardedByIdLayout`) with no loading boundary above it, since a
 * loading.tsx higher up starts the response, as a 200, before the layout
 * runs. e2e/input.spec.ts requests every such page; this finds a new one
 * that breaks the rule without a server.
 */
function pagesAboutOneThing(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const sub = path.join(dir, e.name);
      const here = /^\[\w+\]$/.test(e.name) && existsSync(path.join(sub, "page.tsx")) ? [sub] : [];
      return [...here, ...pagesAboutOneThing(sub)];
    });
}

function loadingBoundariesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let d = path.dirname(dir); d.startsWith("app"); d = path.dirname(d))
    if (existsSync(path.join(d, "loading.tsx"))) found.push(path.join(d, "loading.tsx"));
  return found;
}

const pages = pagesAboutOneThing();

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
function allPages(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const sub = path.join(dir, e.name);
      return [...(existsSync(path.join(sub, "page.tsx")) ? [sub] : []), ...allPages(sub)];
    });
}

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
  const parts = dir.split(path.sep);
  const checked: Permission[] = [];
  let streams = false;
  for (let i = 1; i <= parts.length; i++) {
    const d = parts.slice(0, i).join(path.sep);
    if (!streams && existsSync(path.join(d, "layout.tsx"))) checked.push(...permissionIn(path.join(d, "layout.tsx")));
    if (existsSync(path.join(d, "loading.tsx"))) streams = true;
  }
  return { checked, streams };
}

const guardedPages = allPages()
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
