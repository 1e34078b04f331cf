import { onlyFrom, type Expect } from "./expect";
import type { Role } from "../../../lib/auth/permissions";

const sp = () => Promise.resolve({});

interface PageRow {
  name: string;
  render: () => Promise<unknown>;
  expect: Record<Role, Expect>;
}

/** Pages and layouts seen from `min` up the role ladder, by name, in the order written. */
const pagesFrom = (min: Role, renders: Record<string, PageRow["render"]>): PageRow[] =>
  Object.entries(renders).map(([name, render]) => ({ name, render, expect: onlyFrom(min) }));

/** Every page and guarded layout, with the roles that see it. */
export const PAGES: PageRow[] = [
  ...pagesFrom("operator", {
    "/": async () => (await import("@/app/(home)/page")).default(),
    "/calls": async () => (await import("@/app/calls/(list)/page")).default({ searchParams: sp() }),
    "/calls/[id]": async () =>
      (await import("@/app/calls/[id]/page")).default({ params: Promise.resolve({ id: "1" }) }),
    "/jobs": async () => (await import("@/app/jobs/(list)/page")).default({ searchParams: sp() }),
    "/jobs/[jobId]": async () =>
      (await import("@/app/jobs/[jobId]/page")).default({ params: Promise.resolve({ jobId: "1" }) }),
    "/submissions": async () => (await import("@/app/submissions/(list)/page")).default({ searchParams: sp() }),
    "/submissions/[id]": async () =>
      (await import("@/app/submissions/[id]/page")).default({ params: Promise.resolve({ id: "1" }) }),
    "/review": async () => (await import("@/app/review/(queue)/page")).default({ searchParams: sp() }),
    "/account": async () => (await import("@/app/account/page")).default(),
    "/account/tokens": async () => (await import("@/app/account/tokens/page")).default(),
    "/api-docs": async () => (await import("@/app/api-docs/page")).default(),
    "layout calls/[id]": async () => renderLayout(await import("@/app/calls/[id]/layout"), { id: "1" }),
    "layout jobs/[jobId]": async () => renderLayout(await import("@/app/jobs/[jobId]/layout"), { jobId: "1" }),
    "layout submissions/[id]": async () => renderLayout(await import("@/app/submissions/[id]/layout"), { id: "1" }),
  }),
  ...pagesFrom("reviewer", {
    "/quality": async () => (await import("@/app/quality/page")).default({ searchParams: sp() }),
    "/review/calibration": async () => (await import("@/app/review/calibration/(list)/page")).default(),
    "/review/calibration/[id]": async () =>
      (await import("@/app/review/calibration/[id]/page")).default({
        params: Promise.resolve({ id: "999999999" }),
        searchParams: sp(),
      }),
  }),
  ...pagesFrom("supervisor", {
    "/reconciliation": async () => (await import("@/app/reconciliation/page")).default({ searchParams: sp() }),
    "/legal-holds": async () => (await import("@/app/legal-holds/page")).default(),
    "/rules": async () => (await import("@/app/rules/page")).default(),
    "/rules/new": async () => (await import("@/app/rules/new/page")).default({ searchParams: sp() }),
    "/rules/[id]": async () =>
      (await import("@/app/rules/[id]/page")).default({ params: Promise.resolve({ id: "1" }) }),
    "layout rules/[id]": async () => renderLayout(await import("@/app/rules/[id]/layout"), { id: "1" }),
  }),
  ...pagesFrom("admin", {
    "/admin/users": async () => (await import("@/app/admin/users/page")).default(),
    "/audit": async () => (await import("@/app/audit/page")).default({ searchParams: sp() }),
    "/admin/retention": async () => (await import("@/app/admin/retention/page")).default(),
    "/admin/alerts": async () => (await import("@/app/admin/alerts/(list)/page")).default(),
    "/admin/phrase-rules": async () => (await import("@/app/admin/phrase-rules/page")).default({ searchParams: sp() }),
    "/admin/alerts/[id]": async () =>
      (await import("@/app/admin/alerts/[id]/page")).default({
        params: Promise.resolve({ id: "1" }),
        searchParams: sp(),
      }),
    "/admin/scorecards": async () =>
      (await import("@/app/admin/scorecards/(list)/page")).default({ searchParams: sp() }),
    "/admin/scorecards/[id]": async () =>
      (await import("@/app/admin/scorecards/[id]/page")).default({
        params: Promise.resolve({ id: "999999999" }),
        searchParams: sp(),
      }),
    "layout admin/alerts/[id]": async () => renderLayout(await import("@/app/admin/alerts/[id]/layout"), { id: "1" }),
  }),
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
