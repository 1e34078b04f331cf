import { onlyFrom, type Expect } from "./expect";
import type { Role } from "../../../lib/auth/permissions";

const sp = () => Promise.resolve({});
/** Every page and guarded layout, with the roles that see it. */
export const PAGES: { name: string; render: () => Promise<unknown>; expect: Record<Role, Expect> }[] = [
  { name: "/", render: async () => (await import("@/app/(home)/page")).default(), expect: onlyFrom("operator") },
  {
    name: "/calls",
    render: async () => (await import("@/app/calls/(list)/page")).default({ searchParams: sp() }),
    expect: onlyFrom("operator"),
  },
  {
    name: "/calls/[id]",
    render: async () => (await import("@/app/calls/[id]/page")).default({ params: Promise.resolve({ id: "1" }) }),
    expect: onlyFrom("operator"),
  },
  {
    name: "/jobs",
    render: async () => (await import("@/app/jobs/(list)/page")).default({ searchParams: sp() }),
    expect: onlyFrom("operator"),
  },
  {
    name: "/jobs/[jobId]",
    render: async () => (await import("@/app/jobs/[jobId]/page")).default({ params: Promise.resolve({ jobId: "1" }) }),
    expect: onlyFrom("operator"),
  },
  {
    name: "/submissions",
    render: async () => (await import("@/app/submissions/(list)/page")).default({ searchParams: sp() }),
    expect: onlyFrom("operator"),
  },
  {
    name: "/submissions/[id]",
    render: async () => (await import("@/app/submissions/[id]/page")).default({ params: Promise.resolve({ id: "1" }) }),
    expect: onlyFrom("operator"),
  },
  {
    name: "/review",
    render: async () => (await import("@/app/review/page")).default({ searchParams: sp() }),
    expect: onlyFrom("operator"),
  },
  {
    name: "/quality",
    render: async () => (await import("@/app/quality/page")).default({ searchParams: sp() }),
    expect: onlyFrom("reviewer"),
  },
  {
    name: "/admin/users",
    render: async () => (await import("@/app/admin/users/page")).default(),
    expect: onlyFrom("admin"),
  },
  {
    name: "/account",
    render: async () => (await import("@/app/account/page")).default(),
    expect: onlyFrom("operator"),
  },
  {
    name: "/reconciliation",
    render: async () => (await import("@/app/reconciliation/page")).default({ searchParams: sp() }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "/audit",
    render: async () => (await import("@/app/audit/page")).default({ searchParams: sp() }),
    expect: onlyFrom("admin"),
  },
  {
    name: "/account/tokens",
    render: async () => (await import("@/app/account/tokens/page")).default(),
    expect: onlyFrom("operator"),
  },
  {
    name: "/legal-holds",
    render: async () => (await import("@/app/legal-holds/page")).default(),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "/admin/retention",
    render: async () => (await import("@/app/admin/retention/page")).default(),
    expect: onlyFrom("admin"),
  },
  {
    name: "/admin/alerts",
    render: async () => (await import("@/app/admin/alerts/page")).default(),
    expect: onlyFrom("admin"),
  },
  {
    name: "/admin/phrase-rules",
    render: async () => (await import("@/app/admin/phrase-rules/page")).default({ searchParams: sp() }),
    expect: onlyFrom("admin"),
  },
  {
    name: "/admin/alerts/[id]",
    render: async () =>
      (await import("@/app/admin/alerts/[id]/page")).default({
        params: Promise.resolve({ id: "1" }),
        searchParams: sp(),
      }),
    expect: onlyFrom("admin"),
  },
  {
    name: "/rules",
    render: async () => (await import("@/app/rules/page")).default(),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "/rules/new",
    render: async () => (await import("@/app/rules/new/page")).default({ searchParams: sp() }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "/rules/[id]",
    render: async () => (await import("@/app/rules/[id]/page")).default({ params: Promise.resolve({ id: "1" }) }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "/admin/scorecards",
    render: async () => (await import("@/app/admin/scorecards/page")).default({ searchParams: sp() }),
    expect: onlyFrom("admin"),
  },
  {
    name: "/admin/scorecards/[id]",
    render: async () =>
      (await import("@/app/admin/scorecards/[id]/page")).default({
        params: Promise.resolve({ id: "999999999" }),
        searchParams: sp(),
      }),
    expect: onlyFrom("admin"),
  },
  {
    name: "/review/calibration",
    render: async () => (await import("@/app/review/calibration/page")).default(),
    expect: onlyFrom("reviewer"),
  },
  {
    name: "/review/calibration/[id]",
    render: async () =>
      (await import("@/app/review/calibration/[id]/page")).default({
        params: Promise.resolve({ id: "999999999" }),
        searchParams: sp(),
      }),
    expect: onlyFrom("reviewer"),
  },
  {
    name: "/api-docs",
    render: async () => (await import("@/app/api-docs/page")).default(),
    expect: onlyFrom("operator"),
  },
  // The layouts decide the HTTP status (redirect, 403, 404) before a page streams: same matrix.
  ...(
    [
      ["(home)", onlyFrom("operator")],
      ["calls", onlyFrom("operator")],
      ["jobs", onlyFrom("operator")],
      ["review", onlyFrom("operator")],
      ["quality", onlyFrom("reviewer")],
      ["submissions", onlyFrom("operator")],
      ["reconciliation", onlyFrom("supervisor")],
      ["legal-holds", onlyFrom("supervisor")],
      ["rules", onlyFrom("supervisor")],
      ["admin", onlyFrom("admin")],
      ["audit", onlyFrom("admin")],
    ] as const
  ).map(([segment, expect]) => ({
    name: `layout ${segment}`,
    render: async () => renderLayout(await import(`@/app/${segment}/layout`), {}),
    expect,
  })),
  {
    name: "layout calls/[id]",
    render: async () => renderLayout(await import("@/app/calls/[id]/layout"), { id: "1" }),
    expect: onlyFrom("operator"),
  },
  {
    name: "layout jobs/[jobId]",
    render: async () => renderLayout(await import("@/app/jobs/[jobId]/layout"), { jobId: "1" }),
    expect: onlyFrom("operator"),
  },
  {
    name: "layout admin/alerts/[id]",
    render: async () => renderLayout(await import("@/app/admin/alerts/[id]/layout"), { id: "1" }),
    expect: onlyFrom("admin"),
  },
  {
    name: "layout rules/[id]",
    render: async () => renderLayout(await import("@/app/rules/[id]/layout"), { id: "1" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "layout submissions/[id]",
    render: async () => renderLayout(await import("@/app/submissions/[id]/layout"), { id: "1" }),
    expect: onlyFrom("operator"),
  },
];

/** A layout rendered with its guard resolved (the guard is an async server component inside it). */
async function renderLayout<P>(
  mod: { default: (props: { children: null; params: Promise<P> }) => unknown },
  params: P,
) {
  const element = (await mod.default({ children: null, params: Promise.resolve(params) })) as {
    type: (p: unknown) => Promise<unknown>;
    props: unknown;
  };
  return element.type(element.props);
}
