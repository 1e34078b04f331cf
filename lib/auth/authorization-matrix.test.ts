import { beforeAll, describe, expect, it, vi } from "vitest";
import { ROLES, type Role } from "./permissions";
import { SESSION_COOKIE } from "./sessions";
import { sessionFor } from "./test-session";

/**
 * Every server action, route handler and page × every role, called directly
 * (not through the UI). The rows are in dev/testing/authorization/ (actions,
 * api-routes, routes, pages): adding an action, a route or a page means adding
 * its row there; the listing tests fail until every registered action and
 * every /api/v1 route file has one. Routes that answer without a session:
 * authorization-matrix-public.test.ts.
 */

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers({ "x-lvr-path": "/somewhere" }),
}));

const { ACTION_REGISTRY } = await import("../actions/wrapper");
const api = await import("../../dev/testing/api");
const { ACTIONS } = await import("../../dev/testing/authorization/actions");
const { API_ROUTES } = await import("../../dev/testing/authorization/api-routes");
const { ROUTES } = await import("../../dev/testing/authorization/routes");
const { PAGES } = await import("../../dev/testing/authorization/pages");

const tokens = {} as Record<Role, string>;
const apiTokens = {} as Record<Role, string>;
beforeAll(async () => {
  for (const role of ROLES) tokens[role] = (await sessionFor(role)).token;
  for (const role of ROLES) apiTokens[role] = (await api.tokenFor(role)).token;
});

/** What a page did: rendered (or 404ed), or redirected where. */
async function pageOutcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return "rendered";
  } catch (err) {
    const digest = (err as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "rendered";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;403")) return "forbidden";
    throw err;
  }
}

describe("authorization matrix", () => {
  it("lists every server action", () => {
    expect(ACTIONS.map((a) => a.name).sort()).toEqual([...ACTION_REGISTRY.keys()].sort());
  });

  for (const action of ACTIONS) {
    it(`action ${action.name}`, async () => {
      token = undefined;
      expect(await action.call()).toMatchObject({ ok: false, code: "unauthenticated" });
      for (const role of ROLES) {
        token = tokens[role];
        const result = await action.call();
        if (action.expect[role] === "deny") expect(result, role).toMatchObject({ ok: false, code: "forbidden" });
        else expect(["forbidden", "unauthenticated"], role).not.toContain(result.code);
      }
    });
  }

  for (const route of ROUTES) {
    it(`route ${route.name}`, async () => {
      expect((await route.call("")).status).toBe(401);
      expect((await route.call(`${SESSION_COOKIE}=not-a-session`)).status).toBe(401);
      for (const role of ROLES) {
        const res = await route.call(`${SESSION_COOKIE}=${tokens[role]}`);
        if (route.expect[role] === "deny") expect(res.status, role).toBe(403);
        else expect([401, 403], role).not.toContain(res.status);
      }
    });
  }

  it("lists every /api/v1 route", async () => {
    const listed = new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`));
    for (const route of api.v1RouteFiles()) {
      const mod = (await import(route.file)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function")) {
        expect(listed, `${method} ${route.path} has no row in API_ROUTES`).toContain(`${method} ${route.path}`);
      }
    }
  });

  for (const route of API_ROUTES) {
    it(`api ${route.method} ${route.path}`, async () => {
      if (route.expect === "public") {
        for (const t of [null, ...Object.values(apiTokens)]) expect((await route.call(t)).status).toBe(200);
        return;
      }
      if (route.expect === "ingest") {
        // A personal access token is not an ingest credential (503: no INGEST_TOKEN in tests, none is accepted).
        for (const t of [null, "lvr_pat_not-a-token", ...Object.values(apiTokens)])
          expect([401, 503]).toContain((await route.call(t)).status);
        return;
      }
      expect((await route.call(null)).status).toBe(401);
      expect((await route.call("lvr_pat_not-a-token")).status).toBe(401);
      for (const role of ROLES) {
        const res = await route.call(apiTokens[role]);
        if (route.expect[role] === "deny") expect(res.status, role).toBe(403);
        else expect([401, 403], role).not.toContain(res.status);
      }
    });
  }

  for (const page of PAGES) {
    it(`page ${page.name}`, async () => {
      token = undefined;
      expect(await pageOutcome(page.render)).toBe(`redirect /sign-in?next=%2Fsomewhere`);
      for (const role of ROLES) {
        token = tokens[role];
        expect(await pageOutcome(page.render), role).toBe(page.expect[role] === "allow" ? "rendered" : "forbidden");
      }
    });
  }
});
