import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "../env";
import { ROLES, type Role } from "./permissions";
import { SESSION_COOKIE } from "./sessions";
import { sessionFor } from "./test-session";

/**
 * Every server action, route handler and page × every role, called directly
 * (not through the UI). Adding an action or a route means adding a row here:
 * the first test fails until every registered action has one.
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
const submissions = await import("../submissions/actions");
const approvals = await import("../approvals/actions");
const privacy = await import("../privacy/actions");
const users = await import("../users/actions");
const review = await import("../review/actions");
const account = await import("../account/actions");
const jobs = await import("../jobs/actions");
const tokensActions = await import("../api-tokens/actions");
const corrections = await import("../corrections/actions");
const holds = await import("../legal-holds/actions");
const retention = await import("../retention/actions");
const rules = await import("../rules/actions");
const alerts = await import("../alerts/actions");
const phraseRules = await import("../transcripts/actions");
const api = await import("../../dev/testing/api");

type Expect = "allow" | "deny";
const onlyFrom = (min: Role): Record<Role, Expect> =>
  Object.fromEntries(ROLES.map((r) => [r, ROLES.indexOf(r) >= ROLES.indexOf(min) ? "allow" : "deny"])) as Record<
    Role,
    Expect
  >;

const ACTIONS: { name: string; call: () => Promise<{ ok: boolean; code?: string }>; expect: Record<Role, Expect> }[] = [
  {
    name: "submissions.check",
    call: () => submissions.checkSubmission({ selection: { type: "ids", ids: ["1"] } }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "submissions.submit",
    call: () => submissions.submitRecords({ selection: { type: "ids", ids: ["1"] } }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "submissions.retryRecord",
    call: () => submissions.retryRecord({ callRecordId: "1" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "submissions.cancel",
    call: () => submissions.cancelSubmissionBatch({ batchId: "999999999" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "submissions.resume",
    call: () => submissions.resumeSubmissionBatch({ batchId: "999999999" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "corrections.correct",
    call: () =>
      corrections.correctRecord({ callRecordId: "999999999", fields: { result_status: "ANSWERED" }, reason: "matrix" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "corrections.withdraw",
    call: () => corrections.withdrawRecordCorrection({ callRecordId: "999999999" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "corrections.previewBulkFix",
    call: () =>
      corrections.previewGroupFix({
        batchId: "999999999",
        failureCode: null,
        field: "result_status" as const,
        mode: "set" as const,
        value: "ANSWERED",
        reason: "matrix",
      }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "corrections.bulkFix",
    call: () =>
      corrections.fixGroupAndResubmit({
        batchId: "999999999",
        failureCode: null,
        field: "result_status" as const,
        mode: "set" as const,
        value: "ANSWERED",
        reason: "matrix",
      }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "submissions.approve",
    call: () => approvals.approveSubmission({ batchId: "999999999" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "submissions.reject",
    call: () => approvals.rejectSubmission({ batchId: "999999999", comment: "no" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "privacy.revealContact",
    call: () => privacy.revealContact({ callRecordId: "1", reason: "matrix test" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "review.claimNext",
    call: () => review.claimNextRecord({ query: "job=999999999" }),
    expect: onlyFrom("reviewer"),
  },
  {
    name: "review.renewClaim",
    call: () => review.renewRecordClaim({ callRecordId: "999999999" }),
    expect: onlyFrom("reviewer"),
  },
  {
    name: "review.releaseClaim",
    call: () => review.releaseRecordClaim({ callRecordId: "999999999" }),
    expect: onlyFrom("reviewer"),
  },
  {
    name: "review.submitVerdict",
    call: () => review.submitReviewVerdict({ callRecordId: "999999999", verdict: "passed" }),
    expect: onlyFrom("reviewer"),
  },
  {
    name: "review.addComment",
    call: () => review.addReviewComment({ callRecordId: "999999999", positionMs: 0, body: "matrix" }),
    expect: onlyFrom("reviewer"),
  },
  {
    name: "jobs.saveName",
    call: () => jobs.saveJobNameAction({ jobId: "999999999", name: "matrix", creditor: "", note: "" }),
    expect: onlyFrom("supervisor"),
  },
  { name: "jobs.search", call: () => jobs.searchJobsAction({ q: "matrix" }), expect: onlyFrom("operator") },
  {
    name: "users.create",
    call: () => users.createUser({ email: "bad", name: "x", role: "operator", password: "short" }),
    expect: onlyFrom("admin"),
  },
  {
    name: "users.changeRole",
    call: () => users.changeRole({ userId: "999999999", role: "operator" }),
    expect: onlyFrom("admin"),
  },
  {
    name: "users.setDisabled",
    call: () => users.setUserDisabled({ userId: "999999999", disabled: true }),
    expect: onlyFrom("admin"),
  },
  { name: "users.unlock", call: () => users.unlockUser({ userId: "999999999" }), expect: onlyFrom("admin") },
  { name: "users.resetPassword", call: () => users.resetPassword({ userId: "999999999" }), expect: onlyFrom("admin") },
  {
    name: "users.resetTwoFactor",
    call: () => users.resetTwoFactor({ userId: "999999999" }),
    expect: onlyFrom("admin"),
  },
  { name: "users.endSessions", call: () => users.endUserSessions({ userId: "999999999" }), expect: onlyFrom("admin") },
  {
    name: "account.changePassword",
    call: () => account.changePassword({ current: "not it", next: "whatever it is" }),
    expect: onlyFrom("operator"),
  },
  {
    name: "account.setFirstPassword",
    call: () => account.setFirstPassword({ next: "whatever it is" }),
    expect: onlyFrom("operator"),
  },
  { name: "account.startTwoFactor", call: () => account.startTwoFactor({}), expect: onlyFrom("operator") },
  {
    name: "account.confirmTwoFactor",
    call: () => account.confirmTwoFactor({ code: "000000" }),
    expect: onlyFrom("operator"),
  },
  { name: "account.newRecoveryCodes", call: () => account.newRecoveryCodes({}), expect: onlyFrom("operator") },
  {
    name: "account.endSession",
    call: () => account.endSession({ sessionId: "999999999" }),
    expect: onlyFrom("operator"),
  },
  { name: "account.endOtherSessions", call: () => account.endOtherSessions({}), expect: onlyFrom("operator") },
  {
    name: "account.reauthenticate",
    call: () => account.confirmIdentity({ secret: "not it" }),
    expect: onlyFrom("operator"),
  },
  {
    name: "rules.create",
    call: () => rules.createReportingRule({ name: "", filter: "job=1" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "rules.update",
    call: () => rules.updateReportingRule({ ruleId: "999999999", patch: { enabled: false } }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "rules.delete",
    call: () => rules.deleteReportingRule({ ruleId: "999999999" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "rules.dryRun",
    call: () => rules.dryRunReportingRule({ filter: "job=999999999" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "tokens.create",
    call: () => tokensActions.createApiToken({ name: "matrix", readOnly: true, expiresInDays: 1 }),
    expect: onlyFrom("operator"),
  },
  {
    name: "tokens.revoke",
    call: () => tokensActions.revokeApiToken({ tokenId: "999999999" }),
    expect: onlyFrom("operator"),
  },
  {
    name: "tokens.createIngest",
    call: () => tokensActions.createSourceToken({ name: `matrix ${Math.random()}`.slice(0, 20) }),
    expect: onlyFrom("admin"),
  },
  {
    name: "legalHolds.set",
    call: () => holds.setLegalHoldAction({ callRecordId: "999999999", reason: "matrix test" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "legalHolds.remove",
    call: () => holds.removeLegalHoldAction({ callRecordId: "999999999", reason: "matrix test" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "legalHolds.setFilter",
    call: () => holds.setLegalHoldsByFilterAction({ query: "job=999999999", reason: "matrix test" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "retention.runNow",
    call: () => retention.runRetentionNow({}),
    expect: onlyFrom("admin"),
  },
  {
    name: "alerts.create",
    call: () => alerts.createAlertChannel({ name: "", type: "webhook", url: "https://x.example/hook" }),
    expect: onlyFrom("admin"),
  },
  {
    name: "alerts.update",
    call: () => alerts.updateAlertChannel({ channelId: "999999999", patch: { enabled: false } }),
    expect: onlyFrom("admin"),
  },
  {
    name: "alerts.setEnabled",
    call: () => alerts.setAlertChannelEnabled({ channelId: "999999999", enabled: false }),
    expect: onlyFrom("admin"),
  },
  {
    name: "alerts.delete",
    call: () => alerts.deleteAlertChannel({ channelId: "999999999" }),
    expect: onlyFrom("admin"),
  },
  {
    name: "alerts.sendTest",
    call: () => alerts.sendTestAlertAction({ channelId: "999999999" }),
    expect: onlyFrom("admin"),
  },
  {
    name: "phraseRules.create",
    call: () =>
      phraseRules.createPhraseRuleAction({
        name: "",
        kind: "required",
        pattern: "x",
        isRegex: false,
        speaker: "any",
        jobIds: [],
        enabled: true,
      }),
    expect: onlyFrom("admin"),
  },
  {
    name: "phraseRules.update",
    call: () =>
      phraseRules.updatePhraseRuleAction({
        ruleId: "999999999",
        rule: { name: "x", kind: "required", pattern: "x", isRegex: false, speaker: "any", jobIds: [], enabled: true },
      }),
    expect: onlyFrom("admin"),
  },
  {
    name: "phraseRules.setEnabled",
    call: () => phraseRules.setPhraseRuleEnabledAction({ ruleId: "999999999", enabled: false }),
    expect: onlyFrom("admin"),
  },
  {
    name: "phraseRules.delete",
    call: () => phraseRules.deletePhraseRuleAction({ ruleId: "999999999" }),
    expect: onlyFrom("admin"),
  },
  {
    name: "tokens.revokeIngest",
    call: () => tokensActions.revokeSourceToken({ tokenId: "999999999" }),
    expect: onlyFrom("admin"),
  },
];

/**
 * Every /api/v1 route × method, called with a personal access token of each
 * role (and without one). A route file under app/api/v1 that is not listed
 * here fails "lists every /api/v1 route".
 */
type ApiExpect = Record<Role, Expect> | "public" | "ingest";
const API_ROUTES: {
  method: string;
  path: string;
  call: (token: string | null) => Promise<Response>;
  expect: ApiExpect;
}[] = [
  { method: "POST", path: "/call-records", call: (t) => api.call(t, "POST", "/call-records", []), expect: "ingest" },
  {
    method: "GET",
    path: "/call-records",
    call: (t) => api.call(t, "GET", "/call-records?job=999999999"),
    expect: onlyFrom("operator"),
  },
  {
    method: "GET",
    path: "/call-records (unmasked)",
    call: (t) => api.call(t, "GET", "/call-records?job=999999999&unmasked=true"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/call-records/{call_record_id}",
    call: (t) => api.call(t, "GET", "/call-records/999999999"),
    expect: onlyFrom("operator"),
  },
  {
    method: "PATCH",
    path: "/call-records/{call_record_id}/correction",
    call: (t) =>
      api.call(t, "PATCH", "/call-records/999999999/correction", { fields: { result_status: "X" }, reason: "matrix" }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "DELETE",
    path: "/call-records/{call_record_id}/correction",
    call: (t) => api.call(t, "DELETE", "/call-records/999999999/correction"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/call-records/{call_record_id}/evidence",
    call: (t) => api.call(t, "GET", "/call-records/999999999/evidence?reason=matrix+test"),
    expect: onlyFrom("supervisor"),
  },
  { method: "GET", path: "/jobs", call: (t) => api.call(t, "GET", "/jobs?size=1"), expect: onlyFrom("operator") },
  {
    method: "GET",
    path: "/jobs/{robot_call_job_id}",
    call: (t) => api.call(t, "GET", "/jobs/999999999"),
    expect: onlyFrom("operator"),
  },
  {
    method: "GET",
    path: "/submissions",
    call: (t) => api.call(t, "GET", "/submissions?limit=1"),
    expect: onlyFrom("operator"),
  },
  {
    method: "POST",
    path: "/submissions",
    call: (t) => api.call(t, "POST", "/submissions", { ids: ["999999999"], dry_run: true }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/submissions/{id}",
    call: (t) => api.call(t, "GET", "/submissions/999999999"),
    expect: onlyFrom("operator"),
  },
  {
    method: "POST",
    path: "/submissions/{id}/cancel",
    call: (t) => api.call(t, "POST", "/submissions/999999999/cancel"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/submissions/{id}/resubmit-failures",
    call: (t) => api.call(t, "POST", "/submissions/999999999/resubmit-failures", { dry_run: true }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/submissions/{id}/approve",
    call: (t) => api.call(t, "POST", "/submissions/999999999/approve", { comment: "ok" }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/submissions/{id}/reject",
    call: (t) => api.call(t, "POST", "/submissions/999999999/reject", { comment: "no" }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/reconciliation",
    call: (t) => api.call(t, "GET", "/reconciliation?job=999999999"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/reporting-rules",
    call: (t) => api.call(t, "GET", "/reporting-rules"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/reporting-rules",
    call: (t) => api.call(t, "POST", "/reporting-rules", { name: "", filter: "job=1" }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/reporting-rules/{id}",
    call: (t) => api.call(t, "GET", "/reporting-rules/999999999"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "PATCH",
    path: "/reporting-rules/{id}",
    call: (t) => api.call(t, "PATCH", "/reporting-rules/999999999", { enabled: false }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "DELETE",
    path: "/reporting-rules/{id}",
    call: (t) => api.call(t, "DELETE", "/reporting-rules/999999999"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/reporting-rules/{id}/dry-run",
    call: (t) => api.call(t, "POST", "/reporting-rules/999999999/dry-run"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/alert-channels",
    call: (t) => api.call(t, "GET", "/alert-channels"),
    expect: onlyFrom("admin"),
  },
  {
    method: "POST",
    path: "/alert-channels",
    call: (t) => api.call(t, "POST", "/alert-channels", { name: "", type: "webhook", url: "x" }),
    expect: onlyFrom("admin"),
  },
  {
    method: "GET",
    path: "/alert-channels/{id}",
    call: (t) => api.call(t, "GET", "/alert-channels/999999999"),
    expect: onlyFrom("admin"),
  },
  {
    method: "PATCH",
    path: "/alert-channels/{id}",
    call: (t) => api.call(t, "PATCH", "/alert-channels/999999999", { enabled: false }),
    expect: onlyFrom("admin"),
  },
  {
    method: "DELETE",
    path: "/alert-channels/{id}",
    call: (t) => api.call(t, "DELETE", "/alert-channels/999999999"),
    expect: onlyFrom("admin"),
  },
  {
    method: "POST",
    path: "/alert-channels/{id}/test",
    call: (t) => api.call(t, "POST", "/alert-channels/999999999/test"),
    expect: onlyFrom("admin"),
  },
  { method: "GET", path: "/audit", call: (t) => api.call(t, "GET", "/audit?action=none"), expect: onlyFrom("admin") },
  { method: "GET", path: "/openapi.json", call: (t) => api.call(t, "GET", "/openapi.json"), expect: "public" },
];

const ROUTES: { name: string; call: (cookie: string) => Promise<Response>; expect: Record<Role, Expect> }[] = [
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

const sp = () => Promise.resolve({});
const PAGES: { name: string; render: () => Promise<unknown>; expect: Record<Role, Expect> }[] = [
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

/**
 * Operations endpoints: for load balancers and Prometheus, not people. Health and readiness say nothing
 * private and answer without a session; /metrics is never opened by a session, only by METRICS_TOKEN or
 * a loopback connection (lib/metrics/exposition.ts; lib/metrics/metrics.test.ts covers those).
 */
describe("authorization matrix: operations endpoints", () => {
  const cookies = () => ["", `${SESSION_COOKIE}=not-a-session`, ...ROLES.map((r) => `${SESSION_COOKIE}=${tokens[r]}`)];
  it("GET /api/health and GET /api/ready answer anyone, the same way", async () => {
    const health = await import("@/app/api/health/route");
    const ready = await import("@/app/api/ready/route");
    for (const cookie of cookies()) {
      void cookie; // neither route reads a session
      expect((await health.GET()).status).toBe(200);
      expect((await ready.GET()).status).toBe(200);
    }
  });
  it("GET /api/evidence/public-key answers anyone (a public key, for whoever checks a bundle)", async () => {
    process.env.EVIDENCE_SIGNING_KEY = generateKeyPairSync("ed25519")
      .privateKey.export({ format: "pem", type: "pkcs8" })
      .toString();
    resetEnvCache();
    const route = await import("@/app/api/evidence/public-key/route");
    for (const cookie of cookies()) {
      void cookie; // the route reads no session
      const res = route.GET();
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("BEGIN PUBLIC KEY");
    }
  });
  it("GET /metrics is not opened by any session", async () => {
    const metrics = await import("@/app/metrics/route");
    for (const cookie of cookies()) {
      const res = await metrics.GET(
        new Request("http://x/metrics", { headers: { cookie, "x-forwarded-for": "127.0.0.1" } }),
      );
      expect(res.status, cookie).toBe(403);
    }
  });
});

/**
 * Single sign-on's two legs (lib/auth/oidc) are public by design: they are how someone without a session
 * gets one. Here (no OIDC_ISSUER) they answer every caller alike and open nothing; with a provider,
 * lib/auth/oidc/oidc.test.ts covers who they sign in and who they refuse.
 */
describe("authorization matrix: single sign-on routes", () => {
  const cookies = () => ["", `${SESSION_COOKIE}=not-a-session`, ...ROLES.map((r) => `${SESSION_COOKIE}=${tokens[r]}`)];
  it("GET /api/auth/oidc/start and /api/auth/oidc/callback sign nobody in without a provider", async () => {
    const start = await import("@/app/api/auth/oidc/start/route");
    const callback = await import("@/app/api/auth/oidc/callback/route");
    for (const cookie of cookies()) {
      for (const res of [
        await start.GET(new Request("http://x/api/auth/oidc/start?next=/admin", { headers: { cookie } })),
        await callback.GET(new Request("http://x/api/auth/oidc/callback?code=a&state=b", { headers: { cookie } })),
      ]) {
        expect(res.status, cookie).toBe(303);
        expect(res.headers.get("location"), cookie).toBe("/sign-in?sso=not_configured");
        expect(
          res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`)),
          cookie,
        ).toBe(false);
      }
    }
  });
});
