import path from "node:path";
import { getRecordingSource } from "@/lib/audio/data";
import { isolatedAudio } from "@/lib/audio/isolation";
import { playRecording } from "@/lib/audio/playback";
import { withPermission } from "@/lib/auth/route-guard";
import { invalidIdResponse } from "@/lib/http/error-response";
import { parseInt64Id } from "@/lib/input/schema";
import { audioArchiveDir, getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * GET /api/audio/<call_record_id>: the recording, with Range — the archived
 * copy when there is one, else the live link through the guarded proxy.
 * `?download=1` asks for it as a file. Every answer is isolated (lib/audio/isolation.ts).
 */
export const GET = isolatedAudio(
  withPermission("calls:read", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    const recordId = parseInt64Id(id);
    if (recordId === null) return invalidIdResponse(id, "a call_record_id");
    const source = await getRecordingSource(recordId);
    if (!source)
      return Response.json({ error: { code: "not_found", message: `no call record ${id}` } }, { status: 404 });
    const env = getEnv();
    const own = [new URL(request.url).origin, ...(env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : [])];
    return playRecording(source, {
      range: request.headers.get("range"),
      ownOrigins: own,
      allowedHosts: env.AUDIO_ALLOWED_HOSTS,
      publicDir: path.join(process.cwd(), "public"),
      maxBytes: env.AUDIO_MAX_BYTES,
      timeoutMs: env.AUDIO_TIMEOUT_MS,
      archiveDir: audioArchiveDir(env),
      download: new URL(request.url).searchParams.get("download") === "1",
    });
  }),
);
