import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

/** Every route handler under app/ as a URL path (route groups dropped, dynamic segments filled in). */
function routeHandlerPaths(dir = "app", segments: string[] = []): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const name = entry.name;
      const segment = /^\(.*\)$/.test(name)
        ? null
        : name.startsWith("[...")
          ? "a/b"
          : name.startsWith("[")
            ? "1"
            : name;
      found.push(...routeHandlerPaths(path.join(dir, name), segment === null ? segments : [...segments, segment]));
    } else if (/^route\.tsx?$/.test(entry.name)) {
      found.push("/" + segments.join("/"));
    }
  }
  return found;
}

/**
 * Route handlers answer machines (ingest clients, Prometheus, load balancers)
 * and check access themselves: the proxy's redirect of cookie-less page
 * requests to sign-in must never reach them, or a scraper gets an HTML page
 * with a 200 after the redirect instead of a 401.
 */
describe("route handlers without a session cookie", () => {
  const paths = routeHandlerPaths();

  it("are found (the walk itself works)", () => {
    expect(paths).toContain("/metrics");
    expect(paths).toContain("/api/health");
  });

  it.each(paths)("GET %s is not redirected to sign-in", (route) => {
    const url = `http://console.test:3000${route}`;
    if (!unstable_doesMiddlewareMatch({ config, url })) return;
    const res = proxy(new NextRequest(url, { headers: { host: "console.test:3000" } }));
    expect(res.headers.get("location")).toBeNull();
    expect(res.status).toBe(200);
  });

  it("while a page still is", () => {
    const res = proxy(new NextRequest("http://console.test:3000/calls", { headers: { host: "console.test:3000" } }));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("/sign-in?next=%2Fcalls");
  });
});
