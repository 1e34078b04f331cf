import path from "node:path";
import { openRecording } from "@/lib/audio/recording";
import { withPermission } from "@/lib/auth/route-guard";
import { prisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** GET /api/audio/<call_record_id>: the recording, with Range, through the guarded proxy. */
export const GET = withPermission("calls:read", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!/^\d{1,19}$/.test(id) || BigInt(id) > 9223372036854775807n) {
    return Response.json({ error: { code: "invalid_id", message: "call record ids are digits" } }, { status: 400 });
  }
  const record = await prisma.callRecord.findUnique({ where: { callRecordId: BigInt(id) }, select: { fullAudioUrl: true } });
  if (!record) return Response.json({ error: { code: "not_found", message: `no call record ${id}` } }, { status: 404 });
  const env = getEnv();
  const own = [new URL(request.url).origin, ...(env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : [])];
  return openRecording(record.fullAudioUrl, {
    range: request.headers.get("range"),
    ownOrigins: own,
    allowedHosts: env.AUDIO_ALLOWED_HOSTS,
    publicDir: path.join(process.cwd(), "public"),
  });
});
