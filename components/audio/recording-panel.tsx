import { useTranslations } from "next-intl";
import type { RecordingSource, RecordingStatus } from "@/lib/audio/data";
import { AudioPlayer } from "./audio-player";
import { maskText } from "@/lib/privacy/redact";

/** A record's recording on its page: where it plays from (archived copy or the vendor's link) and the player. */
export function RecordingPanel({
  callRecordId,
  status,
  archive,
  initialTime,
}: {
  callRecordId: string;
  status: RecordingStatus;
  archive: RecordingSource["archive"];
  initialTime: number;
}) {
  const t = useTranslations("audio");
  if (status === "none") return null;
  const tone = status === "archived" ? "border-emerald-200 bg-emerald-50 text-emerald-900" : status === "failed" ? "border-red-200 bg-red-50 text-red-900" : "border-slate-200 bg-slate-50 text-slate-700";
  return (
    <section aria-labelledby="recording" className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="recording" className="font-semibold">{t("label")}</h2>
        <span className={`rounded border px-2 py-0.5 text-xs ${tone}`} data-testid="archive-state" data-state={status}>
          {t(`status.${status}`)}
        </span>
        {status === "archived" && archive?.sha256 ? (
          <span className="font-mono text-[11px] text-slate-500">
            {t("archivedDetail", { size: `${Math.round(Number(archive.sizeBytes ?? 0) / 1024)} KB`, sha: archive.sha256.slice(0, 12) })}
          </span>
        ) : null}
        {status !== "archived" && archive?.lastError ? <span className="text-xs text-slate-600">{t("archiveError", { error: maskText(archive.lastError) })}</span> : null}
      </div>
      <AudioPlayer
        src={`/api/audio/${callRecordId}`}
        downloadHref={status === "archived" ? `/api/audio/${callRecordId}?download=1` : null}
        initialTime={initialTime}
      />
    </section>
  );
}
