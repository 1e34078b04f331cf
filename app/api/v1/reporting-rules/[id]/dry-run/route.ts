import { apiRoute } from "@/lib/api/handler";
import { dryRunRuleHandler } from "@/lib/api/handlers/rules";
import { dryRunRuleOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const POST = apiRoute(dryRunRuleOp, dryRunRuleHandler);
