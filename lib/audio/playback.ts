import "server-only";
import path from "node:path";
import type { RecordingSource } from "./data";
import { AUDIO_TYPES, openRecording, serveFile, type UpstreamOptions } from "./recording";

/**
 * A record's recording as a response: the archived copy when there is one
 * (it outlives the vendor's link), else the live link through the guarded
 * proxy; when the live link fails and an earlier copy exists (the link was
 * replaced and the new one is not archived yet), that copy.
 */
export async function playRecording(
  src: RecordingSource,
  opts: UpstreamOptions & { archiveDir: string; download?: boolean },
): Promise<Response> {
  const archived = async () => {
    const a = src.archive;
    if (!a?.fileName) return null;
    return serveFile(path.join(opts.archiveDir, a.fileName), {
      type: a.contentType ?? "application/octet-stream",
      range: opts.range,
      // The file never changes (its name is its hash); private because playback needs a session.
      cacheControl: "private, max-age=86400, immutable",
      etag: a.sha256 ?? undefined,
    });
  };
  let res = src.archive?.state === "archived" ? await archived() : null;
  if (!res) {
    res = await openRecording(src.fullAudioUrl, opts);
    if (res.status >= 400 && res.status !== 416 && src.archive?.fileName) {
      const older = await archived();
      if (older) {
        await res.body?.cancel();
        res = older;
      }
    }
  }
  if (res.ok) {
    // Named by the record, never by the upstream; played in place unless asked for as a file.
    const type = (res.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
    const ext =
      src.archive?.fileName?.split(".").pop() ?? Object.entries(AUDIO_TYPES).find(([, t]) => t === type)?.[0] ?? "mp3";
    res.headers.set(
      "Content-Disposition",
      `${opts.download ? "attachment" : "inline"}; filename="${src.callRecordId}.${ext}"`,
    );
  }
  return res;
}
