"use server";

import { ActionError, defineAction } from "../actions/wrapper";
import { recordAudit } from "../audit/mutations";
import { closeCalibrationSession, createCalibrationSession, submitCalibration } from "./calibration-mutations";
import { archiveScorecard, createScorecard, setDefaultScorecard, updateScorecard } from "./mutations";
import {
  calibrationCreateSchema,
  calibrationIdSchema,
  calibrationSubmitSchema,
  scorecardIdSchema,
  scorecardInputSchema,
  scorecardUpdateSchema,
  type ScorecardInput,
} from "./schema";

/** Scorecards (admins, /admin/scorecards) and calibration (supervisors create, reviewers answer). */

const notFound = () => new ActionError("not_found", "No such scorecard, or it is archived.");
const auditDetails = (input: ScorecardInput) => ({
  name: input.name,
  jobIds: input.jobIds.join(","),
  isDefault: input.isDefault,
  items: input.sections.reduce((n, s) => n + s.items.length, 0),
});

export const createScorecardAction = defineAction({
  name: "scorecards.create",
  permission: "scorecards:manage",
  input: scorecardInputSchema,
  handler: async (input, { user }) => {
    const { id } = await createScorecard(user, input);
    await recordAudit({
      actor: user,
      action: "scorecard.create",
      target: `scorecard:${id}`,
      details: auditDetails(input),
    });
    return { id: id.toString(), version: 1 };
  },
});

export const updateScorecardAction = defineAction({
  name: "scorecards.update",
  permission: "scorecards:manage",
  input: scorecardUpdateSchema,
  handler: async ({ scorecardId, scorecard }, { user }) => {
    const saved = await updateScorecard(user, BigInt(scorecardId), scorecard);
    if (!saved) throw notFound();
    await recordAudit({
      actor: user,
      action: "scorecard.update",
      target: `scorecard:${scorecardId}`,
      details: { ...auditDetails(scorecard), version: saved.version, newVersion: saved.newVersion },
    });
    return { id: scorecardId, ...saved };
  },
});

export const archiveScorecardAction = defineAction({
  name: "scorecards.archive",
  permission: "scorecards:manage",
  input: scorecardIdSchema,
  handler: async ({ scorecardId }, { user }) => {
    const name = await archiveScorecard(BigInt(scorecardId));
    if (name === null) throw notFound();
    await recordAudit({
      actor: user,
      action: "scorecard.archive",
      target: `scorecard:${scorecardId}`,
      details: { name },
    });
    return { id: scorecardId };
  },
});

export const setDefaultScorecardAction = defineAction({
  name: "scorecards.setDefault",
  permission: "scorecards:manage",
  input: scorecardIdSchema,
  handler: async ({ scorecardId }, { user }) => {
    if (!(await setDefaultScorecard(BigInt(scorecardId)))) throw notFound();
    await recordAudit({ actor: user, action: "scorecard.set_default", target: `scorecard:${scorecardId}` });
    return { id: scorecardId };
  },
});

export const createCalibrationAction = defineAction({
  name: "calibration.create",
  permission: "calibration:manage",
  input: calibrationCreateSchema,
  handler: async (input, { user }) => {
    const id = await createCalibrationSession(user, input);
    await recordAudit({
      actor: user,
      action: "calibration.create",
      target: `calibration:${id}`,
      details: {
        name: input.name,
        versionId: input.versionId,
        calls: input.callRecordIds.length,
        reviewers: input.reviewerIds.join(","),
      },
    });
    return { id: id.toString() };
  },
});

/** A reviewer's answers to one calibration call: kept with the session, never on the call's verdict. */
export const submitCalibrationAction = defineAction({
  name: "calibration.submit",
  permission: "review:write",
  input: calibrationSubmitSchema,
  handler: async (input, { user }) => {
    const result = await submitCalibration(user, {
      sessionId: BigInt(input.sessionId),
      callRecordId: BigInt(input.callRecordId),
      answers: input.answers,
    });
    await recordAudit({
      actor: user,
      action: "calibration.submit",
      target: `calibration:${input.sessionId}`,
      details: { callRecordId: input.callRecordId, score: result.score, criticalFailed: result.criticalFailed },
    });
    return result;
  },
});

/** Ends a session: reviewers can no longer answer in it; supervisors keep its comparison. */
export const closeCalibrationAction = defineAction({
  name: "calibration.close",
  permission: "calibration:manage",
  input: calibrationIdSchema,
  handler: async ({ sessionId }, { user }) => {
    const closed = await closeCalibrationSession(BigInt(sessionId));
    if (!closed) throw new ActionError("not_found", "No such calibration session.");
    await recordAudit({
      actor: user,
      action: "calibration.close",
      target: `calibration:${sessionId}`,
      details: closed,
    });
    return { id: sessionId };
  },
});
