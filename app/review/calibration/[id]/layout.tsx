import { guardedByIdLayout } from "@/components/auth/guard";
import { calibrationSessionExists } from "@/lib/scorecards/calibration-data";

export default guardedByIdLayout("review:write", calibrationSessionExists);
