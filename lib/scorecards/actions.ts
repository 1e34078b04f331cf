"use server";

import { ActionError, defineAction } from "../actions/wrapper";
import { orRefuse } from "../actions/refusals";
import { auditBy } from "../audit/mutations";
import { audited } from "../actions/audited";
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
const noSession = () => new ActionError("not_found", "No such calibration session.");
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
    await auditBy(user, "scorecard.create", `scorecard:${id}`, auditDetails(input));
    return { id: id.toString(), version: 1 };
  },
});

export const updateScorecardAction = defineAction({
  name: "scorecards.update",
  permission: "scorecards:manage",
  input: scorecardUpdateSchema,
  handler: async ({ scorecardId, scorecard }, { user }) => {
    const saved = orRefuse(await updateScorecard(user, BigInt(scorecardId), scorecard), notFound);
    await auditBy(user, "scorecard.update", `scorecard:${scorecardId}`, {
      ...auditDetails(scorecard),
      version: saved.version,
      newVersion: saved.newVersion,
    });
    return { id: scorecardId, ...saved };
  },
});

/**
 * Archiving a scorecard and making it the default: one live scorecard by its id
 * (refused when there is none or it is archived), audited, answered with the id.
 */
function scorecardChange<R>(
  names: { action: string; audit: string },
  change: (id: bigint) => Promise<R | null | false>,
  details: (changed: R) => Record<string, unknown> | undefined,
) {
  return defineAction({
    name: names.action,
    permission: "scorecards:manage",
    input: scorecardIdSchema,
    handler: async ({ scorecardId }, { user }) => {
      const changed = orRefuse(await change(BigInt(scorecardId)), notFound);
      return audited({ id: scorecardId }, user, names.audit, `scorecard:${scorecardId}`, details(changed));
    },
  });
}

export const archiveScorecardAction = scorecardChange(
  { action: "scorecards.archive", audit: "scorecard.archive" },
  archiveScorecard,
  (name) => ({ name }),
);

export const setDefaultScorecardAction = scorecardChange(
  { action: "scorecards.setDefault", audit: "scorecard.set_default" },
  setDefaultScorecard,
  () => undefined,
);

export const createCalibrationAction = defineAction({
  name: "calibration.create",
  permission: "calibration:manage",
  input: calibrationCreateSchema,
  handler: async (input, { user }) => {
    const id = await createCalibrationSession(user, input);
    await auditBy(user, "calibration.create", `calibration:${id}`, {
      name: input.name,
      versionId: input.versionId,
      calls: input.callRecordIds.length,
      reviewers: input.reviewerIds.join(","),
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
    await auditBy(user, "calibration.submit", `calibration:${input.sessionId}`, {
      callRecordId: input.callRecordId,
      score: result.score,
      criticalFailed: result.criticalFailed,
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
    const closed = orRefuse(await closeCalibrationSession(BigInt(sessionId)), noSession);
    return audited({ id: sessionId }, user, "calibration.close", `calibration:${sessionId}`, closed);
  },
});
