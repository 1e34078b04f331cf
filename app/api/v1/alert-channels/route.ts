import { apiRoute } from "@/lib/api/handler";
import { createChannelHandler, listChannelsHandler } from "@/lib/api/handlers/alerts";
import { createChannelOp, listChannelsOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listChannelsOp, listChannelsHandler);
export const POST = apiRoute(createChannelOp, createChannelHandler);
