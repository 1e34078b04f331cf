import { apiRoute } from "@/lib/api/handler";
import { testChannelHandler } from "@/lib/api/handlers/alerts";
import { testChannelOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const POST = apiRoute(testChannelOp, testChannelHandler);
