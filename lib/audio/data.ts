import "server-only";
import { prisma } from "../db/client";
import { getEnv } from "../env";

/** What the player and the record page need to know about a record's recording. */
export interface RecordingSource {
  callRecordId: bigint;
  fullAudioUrl: string | null;
  archive: {
    state: "queued" | "in_flight" | "retrying" | "archived" | "failed";
    fileName: string | null;
    contentType: string | null;
    sha256: string | null;
    sizeBytes: bigint | null;
    attempts: number;
    lastError: string | null;
    archivedAt: Date | null;
  } | null;
}

/** Where a recording plays from, as the record page shows it. */
export type RecordingStatus = "archived" | "local" | "live" | "failed" | "none";

/**
 * The console's own demo recordings (PUBLIC_URL/demo-audio/…) are files in
 * public/: they never expire and are never archived, so they are "local", not
 * a vendor's link waiting for the archiver.
 */
export function isOwnDemoFile(url: string, publicUrl: string | undefined): boolean {
  if (!publicUrl) return false;
  try {
    const u = new URL(url);
    return u.origin === new URL(publicUrl).origin && u.pathname.startsWith("/demo-audio/");
  } catch {
    return false;
  }
}

export function recordingStatus(
  src: Pick<RecordingSource, "fullAudioUrl" | "archive">,
  publicUrl: string | undefined = getEnv().PUBLIC_URL,
): RecordingStatus {
  if (src.archive?.state === "archived") return "archived";
  if (!src.fullAudioUrl) return "none";
  if (isOwnDemoFile(src.fullAudioUrl, publicUrl)) return "local";
  if (src.archive?.state === "failed") return "failed";
  return "live";
}

export async function getRecordingSource(callRecordId: bigint): Promise<RecordingSource | null> {
  const r = await prisma.callRecord.findUnique({
    where: { callRecordId },
    select: {
      callRecordId: true,
      fullAudioUrl: true,
      audioArchive: {
        select: {
          state: true,
          fileName: true,
          contentType: true,
          sha256: true,
          sizeBytes: true,
          attempts: true,
          lastError: true,
          archivedAt: true,
        },
      },
    },
  });
  if (!r) return null;
  return { callRecordId: r.callRecordId, fullAudioUrl: r.fullAudioUrl, archive: r.audioArchive };
}
