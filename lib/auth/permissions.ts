/**
 * Who may do what, as data. Each role includes the one before it; admin has
 * every permission. The server checks these on every page, route handler and
 * server action; the UI only hides what the server would refuse anyway.
 */

export const ROLES = ["operator", "reviewer", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** One's own account: password, second factor, sessions. Every role. */
  "account:self": "operator",
  /** Browse calls, jobs, submissions; listen to recordings; export masked. */
  "calls:read": "operator",
  "calls:export": "operator",
  "review:write": "reviewer",
  /** Scorecard scores by week, job and reviewer (/quality, a job's scores block). */
  "quality:read": "reviewer",
  /** Create calibration sessions (the same calls for several reviewers) and see how their answers compare. */
  "calibration:manage": "supervisor",
  /** Submit, resubmit, cancel and resume submissions to TOP. */
  "submissions:write": "supervisor",
  /** Approve or reject another person's batch waiting for four-eyes approval (SUBMISSION_APPROVAL_THRESHOLD). */
  "submissions:approve": "supervisor",
  /** The per-day, per-job reconciliation of what was received against what TOP accepted. */
  "reconciliation:read": "supervisor",
  /** See one record's full phone number and name, with a reason (audited). */
  "pii:reveal": "supervisor",
  "calls:export-unmasked": "supervisor",
  /** Correct a record's reported fields (with a reason), withdraw a correction, bulk-fix a failure group; audited. */
  "calls:correct": "supervisor",
  /** See the reporting rules, what they did and their dry runs. */
  "rules:read": "supervisor",
  /** Create, change, enable, pause and delete reporting rules (automatic submission). */
  "rules:write": "supervisor",
  /** Export a record's or a job's day's signed evidence bundle (full personal data), with a reason (audited). */
  "evidence:export": "supervisor",
  /** Name a robot call job (name, creditor, note); audited. */
  "jobs:name": "supervisor",
  /** See the legal holds (/legal-holds, the hold filter on /calls shows to everyone who may list calls). */
  "holds:read": "supervisor",
  /** Set or remove a legal hold on records, with a reason; audited. */
  "holds:write": "supervisor",
  "users:manage": "admin",
  /** The retention policy, its preview and runs, and "run now" (/admin/retention). */
  "retention:manage": "admin",
  "audit:read": "admin",
  /** Alert notification channels: create, change, delete, "send test", and their delivery logs (/admin/alerts). */
  "alerts:manage": "admin",
  /** Phrase rules checked against transcripts at ingest: create, change, enable, delete (/admin/phrase-rules). */
  "phrases:manage": "admin",
  /** Scorecards reviewers score calls against: create, edit (a new version), archive, set the default (/admin/scorecards). */
  "scorecards:manage": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(PERMISSIONS[permission]);
}

/** What a read-only API token may still do: nothing that changes data (a reveal only reads, and is audited). */
const READ_PERMISSIONS: ReadonlySet<Permission> = new Set([
  "calls:read",
  "calls:export",
  "pii:reveal",
  "calls:export-unmasked",
  "evidence:export",
  "audit:read",
  "rules:read",
  "quality:read",
]);

/**
 * The permissions of a principal: a signed-in user, or a personal access
 * token acting as its owner (at most the owner's current role, narrowed to
 * reading when the token is read-only).
 */
export function canAs(principal: { role: Role; readOnly?: boolean }, permission: Permission): boolean {
  return can(principal.role, permission) && (!principal.readOnly || READ_PERMISSIONS.has(permission));
}
