import { useTranslations } from "next-intl";
import { maskText } from "@/lib/privacy/redact";
import type { RecordingSource, RecordingStatus } from "@/lib/audio/data";
import type { TranscriptView } from "@/lib/transcripts/view";
import { PlayerWithTranscript } from "@/components/transcripts/player-with-transcript";
import { TranscriptPanel } from "@/components/transcripts/transcript-panel";

/**
 * A record's recording on its page: the player, with where it plays from
 * (archived copy or the vendor's link) shown inside it, so that a recording
 * that cannot play shows one state, the player's error, and no badge that
 * says it plays. A call without a recording shows its transcript alone (its
 * lines cannot play), when it has one.
 */
export function RecordingPanel({
  callRecordId,
  status,
  archive,
  initialTime,
  transcript = null,
}: {
  callRecordId: string;
  status: RecordingStatus;
  archive: RecordingSource["archive"];
  initialTime: number;
  transcript?: TranscriptView | null;
}) {
  const t = useTranslations("audio");
  if (status === "none") return transcript ? <TranscriptPanel transcript={transcript} /> : null;
  const tone =
    status === "archived" || status === "local"
      ? "border-emerald-200 bg-emerald-50 text-emerald-900"
      : status === "failed"
        ? "border-red-200 bg-red-50 text-red-900"
        : "border-slate-200 bg-slate-50 text-slate-700";
  const badge = (
    <>
      <span className={`rounded border px-2 py-0.5 text-xs ${tone}`} data-testid="archive-state" data-state={status}>
        {t(`status.${status}`)}
      </span>
      {status === "archived" && archive?.sha256 ? (
        <span className="font-mono text-[11px] text-slate-500">
          {t("archivedDetail", {
            size: `${Math.round(Number(archive.sizeBytes ?? 0) / 1024)} KB`,
            sha: archive.sha256.slice(0, 12),
          })}
        </span>
      ) : null}
      {status !== "archived" && archive?.lastError ? (
        <span className="text-xs text-slate-600">{t("archiveError", { error: maskText(archive.lastError) })}</span>
      ) : null}
    </>
  );
  return (
    <div className="space-y-2">
      <h2 id="recording" className="font-semibold">
        {t("label")}
      </h2>
      <PlayerWithTranscript
        transcript={transcript}
        src={`/api/audio/${callRecordId}`}
        downloadHref={status === "archived" || status === "local" ? `/api/audio/${callRecordId}?download=1` : null}
        initialTime={initialTime}
        badge={badge}
      />
    </div>
  );
}
