import { apiRoute } from "@/lib/api/handler";
import { deleteChannelHandler, getChannelHandler, patchChannelHandler } from "@/lib/api/handlers/alerts";
import { deleteChannelOp, getChannelOp, patchChannelOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getChannelOp, getChannelHandler);
export const PATCH = apiRoute(patchChannelOp, patchChannelHandler);
export const DELETE = apiRoute(deleteChannelOp, deleteChannelHandler);
