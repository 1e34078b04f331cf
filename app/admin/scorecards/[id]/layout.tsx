import { guardedByIdLayout } from "@/components/auth/guard";
import { scorecardExists } from "@/lib/scorecards/data";

export default guardedByIdLayout("scorecards:manage", scorecardExists);
