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
import { allowedFrom, type MatrixAction } from "./expect";
import { PHRASE_RULE_ACTIONS } from "./phrase-rule-actions";
import { SCORECARD_ACTIONS } from "./scorecard-actions";

/** A failure group's fix, previewed or applied. */
const GROUP_FIX = {
  batchId: "999999999",
  failureCode: null,
  field: "result_status" as const,
  mode: "set" as const,
  value: "ANSWERED",
  reason: "matrix",
};

/** Every server action (ACTION_REGISTRY) with the roles that may call it. */
export const ACTIONS: MatrixAction[] = [
  ...allowedFrom("supervisor", {
    "submissions.check": () => submissions.checkSubmission({ selection: { type: "ids", ids: ["1"] } }),
    "submissions.submit": () => submissions.submitRecords({ selection: { type: "ids", ids: ["1"] } }),
    "submissions.retryRecord": () => submissions.retryRecord({ callRecordId: "1" }),
    "submissions.cancel": () => submissions.cancelSubmissionBatch({ batchId: "999999999" }),
    "submissions.resume": () => submissions.resumeSubmissionBatch({ batchId: "999999999" }),
    "corrections.correct": () =>
      corrections.correctRecord({ callRecordId: "999999999", fields: { result_status: "ANSWERED" }, reason: "matrix" }),
    "corrections.withdraw": () => corrections.withdrawRecordCorrection({ callRecordId: "999999999" }),
    "corrections.previewBulkFix": () => corrections.previewGroupFix(GROUP_FIX),
    "corrections.bulkFix": () => corrections.fixGroupAndResubmit(GROUP_FIX),
    "submissions.approve": () => approvals.approveSubmission({ batchId: "999999999" }),
    "submissions.reject": () => approvals.rejectSubmission({ batchId: "999999999", comment: "no" }),
    "privacy.revealContact": () => privacy.revealContact({ callRecordId: "1", reason: "matrix test" }),
  }),
  ...allowedFrom("reviewer", {
    "review.claimNext": () => review.claimNextRecord({ query: "job=999999999" }),
    "review.renewClaim": () => review.renewRecordClaim({ callRecordId: "999999999" }),
    "review.releaseClaim": () => review.releaseRecordClaim({ callRecordId: "999999999" }),
    "review.submitVerdict": () => review.submitReviewVerdict({ callRecordId: "999999999", verdict: "passed" }),
    "review.addComment": () => review.addReviewComment({ callRecordId: "999999999", positionMs: 0, body: "matrix" }),
  }),
  ...allowedFrom("supervisor", {
    "jobs.saveName": () => jobs.saveJobNameAction({ jobId: "999999999", name: "matrix", creditor: "", note: "" }),
  }),
  ...allowedFrom("operator", {
    "jobs.search": () => jobs.searchJobsAction({ q: "matrix" }),
  }),
  ...allowedFrom("admin", {
    "users.create": () => users.createUser({ email: "bad", name: "x", role: "operator", password: "short" }),
    "users.changeRole": () => users.changeRole({ userId: "999999999", role: "operator" }),
    "users.setDisabled": () => users.setUserDisabled({ userId: "999999999", disabled: true }),
    "users.unlock": () => users.unlockUser({ userId: "999999999" }),
    "users.resetPassword": () => users.resetPassword({ userId: "999999999" }),
    "users.resetTwoFactor": () => users.resetTwoFactor({ userId: "999999999" }),
    "users.endSessions": () => users.endUserSessions({ userId: "999999999" }),
  }),
  ...allowedFrom("operator", {
    "account.changePassword": () => account.changePassword({ current: "not it", next: "whatever it is" }),
    "account.setFirstPassword": () => account.setFirstPassword({ next: "whatever it is" }),
    "account.startTwoFactor": () => account.startTwoFactor({}),
    "account.confirmTwoFactor": () => account.confirmTwoFactor({ code: "000000" }),
    "account.newRecoveryCodes": () => account.newRecoveryCodes({}),
    "account.endSession": () => account.endSession({ sessionId: "999999999" }),
    "account.endOtherSessions": () => account.endOtherSessions({}),
    "account.reauthenticate": () => account.confirmIdentity({ secret: "not it" }),
  }),
  ...allowedFrom("supervisor", {
    "rules.create": () => rules.createReportingRule({ name: "", filter: "job=1" }),
    "rules.update": () => rules.updateReportingRule({ ruleId: "999999999", patch: { enabled: false } }),
    "rules.delete": () => rules.deleteReportingRule({ ruleId: "999999999" }),
    "rules.dryRun": () => rules.dryRunReportingRule({ filter: "job=999999999" }),
  }),
  ...allowedFrom("operator", {
    "tokens.create": () => tokensActions.createApiToken({ name: "matrix", readOnly: true, expiresInDays: 1 }),
    "tokens.revoke": () => tokensActions.revokeApiToken({ tokenId: "999999999" }),
  }),
  ...allowedFrom("admin", {
    "tokens.createIngest": () => tokensActions.createSourceToken({ name: `matrix ${Math.random()}`.slice(0, 20) }),
  }),
  ...allowedFrom("supervisor", {
    "legalHolds.set": () => holds.setLegalHoldAction({ callRecordId: "999999999", reason: "matrix test" }),
    "legalHolds.remove": () => holds.removeLegalHoldAction({ callRecordId: "999999999", reason: "matrix test" }),
    "legalHolds.setFilter": () => holds.setLegalHoldsByFilterAction({ query: "job=999999999", reason: "matrix test" }),
  }),
  ...allowedFrom("admin", {
    "retention.runNow": () => retention.runRetentionNow({}),
    "alerts.create": () => alerts.createAlertChannel({ name: "", type: "webhook", url: "https://x.example/hook" }),
    "alerts.update": () => alerts.updateAlertChannel({ channelId: "999999999", patch: { enabled: false } }),
    "alerts.setEnabled": () => alerts.setAlertChannelEnabled({ channelId: "999999999", enabled: false }),
    "alerts.delete": () => alerts.deleteAlertChannel({ channelId: "999999999" }),
    "alerts.sendTest": () => alerts.sendTestAlertAction({ channelId: "999999999" }),
  }),
  ...PHRASE_RULE_ACTIONS,
  ...SCORECARD_ACTIONS,
  ...allowedFrom("admin", {
    "tokens.revokeIngest": () => tokensActions.revokeSourceToken({ tokenId: "999999999" }),
  }),
];
