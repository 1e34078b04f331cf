import { apiRoute } from "@/lib/api/handler";
import { createRuleHandler, listRulesHandler } from "@/lib/api/handlers/rules";
import { createRuleOp, listRulesOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listRulesOp, listRulesHandler);
export const POST = apiRoute(createRuleOp, createRuleHandler);
