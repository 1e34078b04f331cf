import { apiRoute } from "@/lib/api/handler";
import { deleteRuleHandler, getRuleHandler, patchRuleHandler } from "@/lib/api/handlers/rules";
import { deleteRuleOp, getRuleOp, patchRuleOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getRuleOp, getRuleHandler);
export const PATCH = apiRoute(patchRuleOp, patchRuleHandler);
export const DELETE = apiRoute(deleteRuleOp, deleteRuleHandler);
