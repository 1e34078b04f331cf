import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The pages of `app/` as found on disk, for the tests that hold every page to
 * a rule (statuses, loading boundaries): a new page cannot be left out.
 */

/** Every folder under `dir` (from the repository root) that holds a page.tsx. */
export function pageDirs(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const sub = path.join(dir, e.name);
      return [...(existsSync(path.join(sub, "page.tsx")) ? [sub] : []), ...pageDirs(sub)];
    });
}

/** Whether the page is about one thing: its own segment is dynamic (`[id]`, `[jobId]`). */
export const isAboutOneThing = (dir: string): boolean => /^\[\w+\]$/.test(path.basename(dir));

/** The page's URL pattern: `app/calls/[id]` → `/calls/[id]`; route groups such as `(list)` are not in the URL. */
export function urlPattern(dir: string): string {
  const segments = dir.split(path.sep).slice(1);
  return `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
}
