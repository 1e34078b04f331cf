import { onlyFrom, type Expect } from "./expect";
import type { Role } from "../../../lib/auth/permissions";

/** Every route handler outside /api/v1 that a session opens, with the roles it answers. */
export const ROUTES: { name: string; call: (cookie: string) => Promise<Response>; expect: Record<Role, Expect> }[] = [
  {
    name: "GET /api/submissions",
    call: async (cookie) =>
      (await import("@/app/api/submissions/route")).GET(
        new Request("http://x/api/submissions", { headers: { cookie } }),
        undefined,
      ),
    expect: onlyFrom("operator"),
  },
  {
    name: "GET /api/submissions/[id]",
    call: async (cookie) =>
      (await import("@/app/api/submissions/[id]/route")).GET(
        new Request("http://x/api/submissions/1", { headers: { cookie } }),
        { params: Promise.resolve({ id: "1" }) },
      ),
    expect: onlyFrom("operator"),
  },
  {
    name: "GET /api/calls/export",
    call: async (cookie) =>
      (await import("@/app/api/calls/export/route")).GET(
        new Request("http://x/api/calls/export?job=1", { headers: { cookie } }),
        undefined,
      ),
    expect: onlyFrom("operator"),
  },
  {
    name: "GET /api/calls/export?unmasked=true",
    call: async (cookie) =>
      (await import("@/app/api/calls/export/route")).GET(
        new Request("http://x/api/calls/export?job=1&unmasked=true&reason=matrix+test", { headers: { cookie } }),
        undefined,
      ),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "GET /api/audio/[id]",
    call: async (cookie) =>
      (await import("@/app/api/audio/[id]/route")).GET(new Request("http://x/api/audio/1", { headers: { cookie } }), {
        params: Promise.resolve({ id: "1" }),
      }),
    expect: onlyFrom("operator"),
  },
  {
    name: "GET /api/reconciliation/export",
    call: async (cookie) =>
      (await import("@/app/api/reconciliation/export/route")).GET(
        new Request("http://x/api/reconciliation/export?job=1", { headers: { cookie } }),
        undefined,
      ),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "GET /api/calls/[id]/evidence",
    call: async (cookie) =>
      (await import("@/app/api/calls/[id]/evidence/route")).GET(
        new Request("http://x/api/calls/999999999/evidence?reason=matrix+test", { headers: { cookie } }),
        { params: Promise.resolve({ id: "999999999" }) },
      ),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "GET /api/jobs/[jobId]/evidence",
    call: async (cookie) =>
      (await import("@/app/api/jobs/[jobId]/evidence/route")).GET(
        new Request("http://x/api/jobs/999999999/evidence?day=2026-01-01&reason=matrix+test", { headers: { cookie } }),
        { params: Promise.resolve({ jobId: "999999999" }) },
      ),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "GET /api/reconciliation/export/xlsx",
    call: async (cookie) =>
      (await import("@/app/api/reconciliation/export/xlsx/route")).GET(
        new Request("http://x/api/reconciliation/export/xlsx?job=1", { headers: { cookie } }),
        undefined,
      ),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "GET /api/audit/export",
    call: async (cookie) =>
      (await import("@/app/api/audit/export/route")).GET(
        new Request("http://x/api/audit/export?action=none", { headers: { cookie } }),
        undefined,
      ),
    expect: onlyFrom("admin"),
  },
];
