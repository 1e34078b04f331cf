import * as scorecards from "../../../lib/scorecards/actions";
import type { Role } from "../../../lib/auth/permissions";
import { onlyFrom, type Expect } from "./expect";

/** The scorecard and calibration actions' rows of the authorization matrix (actions.ts spreads them in). */
export const SCORECARD_ACTIONS: {
  name: string;
  call: () => Promise<{ ok: boolean; code?: string }>;
  expect: Record<Role, Expect>;
}[] = [
  {
    name: "scorecards.create",
    call: () => scorecards.createScorecardAction({ name: "", jobIds: [], isDefault: false, sections: [] }),
    expect: onlyFrom("admin"),
  },
  {
    name: "scorecards.update",
    call: () =>
      scorecards.updateScorecardAction({
        scorecardId: "999999999",
        scorecard: { name: "", jobIds: [], isDefault: false, sections: [] },
      }),
    expect: onlyFrom("admin"),
  },
  {
    name: "scorecards.archive",
    call: () => scorecards.archiveScorecardAction({ scorecardId: "999999999" }),
    expect: onlyFrom("admin"),
  },
  {
    name: "scorecards.setDefault",
    call: () => scorecards.setDefaultScorecardAction({ scorecardId: "999999999" }),
    expect: onlyFrom("admin"),
  },
  {
    name: "calibration.create",
    call: () =>
      scorecards.createCalibrationAction({ name: "", versionId: "999999999", callRecordIds: [], reviewerIds: [] }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "calibration.close",
    call: () => scorecards.closeCalibrationAction({ sessionId: "999999999" }),
    expect: onlyFrom("supervisor"),
  },
  {
    name: "calibration.submit",
    call: () => scorecards.submitCalibrationAction({ sessionId: "999999999", callRecordId: "999999999", answers: {} }),
    expect: onlyFrom("reviewer"),
  },
];
