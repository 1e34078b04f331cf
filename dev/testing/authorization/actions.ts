import * as account from "../../../lib/account/actions";
import * as alerts from "../../../lib/alerts/actions";
import * as tokensActions from "../../../lib/api-tokens/actions";
import * as approvals from "../../../lib/approvals/actions";
import * as corrections from "../../../lib/corrections/actions";
import * as jobs from "../../../lib/jobs/actions";
import * as holds from "../../../lib/legal-holds/actions";
import * as privacy from "../../../lib/privacy/actions";
import * as retention from "../../../lib/retention/actions";
import * as review from "../../../lib/review/actions";
import * as rules from "../../../lib/rules/actions";
import * as submissions from "../../../lib/submissions/actions";
import * as users from "../../../lib/users/actions";
import { onlyFrom, type Expect } from "./expect";
import { PHRASE_RULE_ACTIONS } from "./phrase-rule-actions";
import { SCORECARD_ACTIONS } from "./scorecard-actions";
import type { Role } from "../../../lib/auth/permissions";

/** Every server action (ACTION_REGISTRY) with the roles that may call it. */
export const ACTIONS: {
  name: string;
  call: () => Promise<{ ok: boolean; code?: string }>;
  expect: Record<Role, Expect>;
}[] = [
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
  ...PHRASE_RULE_ACTIONS,
  ...SCORECARD_ACTIONS,
  {
    name: "tokens.revokeIngest",
    call: () => tokensActions.revokeSourceToken({ tokenId: "999999999" }),
    expect: onlyFrom("admin"),
  },
];
