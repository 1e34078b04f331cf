import * as scorecards from "../../../lib/scorecards/actions";
import { allowedFrom, type MatrixAction } from "./expect";

/** The scorecard and calibration actions' rows of the authorization matrix (actions.ts spreads them in). */
export const SCORECARD_ACTIONS: MatrixAction[] = [
  ...allowedFrom("admin", {
    "scorecards.create": () =>
      scorecards.createScorecardAction({ name: "", jobIds: [], isDefault: false, sections: [] }),
    "scorecards.update": () =>
      scorecards.updateScorecardAction({
        scorecardId: "999999999",
        scorecard: { name: "", jobIds: [], isDefault: false, sections: [] },
      }),
    "scorecards.archive": () => scorecards.archiveScorecardAction({ scorecardId: "999999999" }),
    "scorecards.setDefault": () => scorecards.setDefaultScorecardAction({ scorecardId: "999999999" }),
  }),
  ...allowedFrom("supervisor", {
    "calibration.create": () =>
      scorecards.createCalibrationAction({ name: "", versionId: "999999999", callRecordIds: [], reviewerIds: [] }),
    "calibration.close": () => scorecards.closeCalibrationAction({ sessionId: "999999999" }),
  }),
  ...allowedFrom("reviewer", {
    "calibration.submit": () =>
      scorecards.submitCalibrationAction({ sessionId: "999999999", callRecordId: "999999999", answers: {} }),
  }),
];
