import { apiRoute } from "@/lib/api/handler";
import { reconciliationHandler } from "@/lib/api/handlers/reconciliation";
import { reconciliationOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(reconciliationOp, reconciliationHandler);
