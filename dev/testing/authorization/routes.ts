import { onlyFrom, type Expect } from "./expect";
import type { Role } from "../../../lib/auth/permissions";

interface RouteRow {
  name: string;
  call: (cookie: string) => Promise<Response>;
  expect: Record<Role, Expect>;
}

/** Routes answering from `min` up the role ladder, by name, in the order written. */
const routesFrom = (min: Role, calls: Record<string, RouteRow["call"]>): RouteRow[] =>
  Object.entries(calls).map(([name, call]) => ({ name, call, expect: onlyFrom(min) }));

/** A GET of `path` with the session's cookie. */
const get = (path: string, cookie: string) => new Request(`http://x${path}`, { headers: { cookie } });

/** Every route handler outside /api/v1 that a session opens, with the roles it answers. */
export const ROUTES: RouteRow[] = [
  ...routesFrom("operator", {
    "GET /api/submissions": async (cookie) =>
      (await import("@/app/api/submissions/route")).GET(get("/api/submissions", cookie), undefined),
    "GET /api/submissions/[id]": async (cookie) =>
      (await import("@/app/api/submissions/[id]/route")).GET(get("/api/submissions/1", cookie), {
        params: Promise.resolve({ id: "1" }),
      }),
    "GET /api/calls/export": async (cookie) =>
      (await import("@/app/api/calls/export/route")).GET(get("/api/calls/export?job=1", cookie), undefined),
    "GET /api/audio/[id]": async (cookie) =>
      (await import("@/app/api/audio/[id]/route")).GET(get("/api/audio/1", cookie), {
        params: Promise.resolve({ id: "1" }),
      }),
  }),
  ...routesFrom("supervisor", {
    "GET /api/calls/export?unmasked=true": async (cookie) =>
      (await import("@/app/api/calls/export/route")).GET(
        get("/api/calls/export?job=1&unmasked=true&reason=matrix+test", cookie),
        undefined,
      ),
    "GET /api/reconciliation/export": async (cookie) =>
      (await import("@/app/api/reconciliation/export/route")).GET(
        get("/api/reconciliation/export?job=1", cookie),
        undefined,
      ),
    "GET /api/calls/[id]/evidence": async (cookie) =>
      (await import("@/app/api/calls/[id]/evidence/route")).GET(
        get("/api/calls/999999999/evidence?reason=matrix+test", cookie),
        { params: Promise.resolve({ id: "999999999" }) },
      ),
    "GET /api/jobs/[jobId]/evidence": async (cookie) =>
      (await import("@/app/api/jobs/[jobId]/evidence/route")).GET(
        get("/api/jobs/999999999/evidence?day=2026-01-01&reason=matrix+test", cookie),
        { params: Promise.resolve({ jobId: "999999999" }) },
      ),
    "GET /api/reconciliation/export/xlsx": async (cookie) =>
      (await import("@/app/api/reconciliation/export/xlsx/route")).GET(
        get("/api/reconciliation/export/xlsx?job=1", cookie),
        undefined,
      ),
  }),
  ...routesFrom("admin", {
    "GET /api/audit/export": async (cookie) =>
      (await import("@/app/api/audit/export/route")).GET(get("/api/audit/export?action=none", cookie), undefined),
  }),
];
