import { apiRoute } from "@/lib/api/handler";
import { listAuditHandler } from "@/lib/api/handlers/audit";
import { listAuditOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listAuditOp, listAuditHandler);
