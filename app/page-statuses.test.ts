import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

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
