"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formatClock } from "@/components/audio/time";
import type { TranscriptView } from "@/lib/transcripts/view";
import { activeUtterance } from "./active-utterance";
import { TitledSection } from "@/components/ui/titled-section";

/**
 * A record's transcript beside its player: the utterance being heard is
 * highlighted, and each utterance is a button (so Enter and Space work once
 * focused) that seeks the player to its start. Without `onSeek` (a call with
 * no recording) the lines are plain text, and a note says why they do not
 * play. Required phrases that were never said are a note above; prohibited
 * ones are marked on their utterance.
 */
export function TranscriptPanel({
  transcript,
  time = 0,
  onSeek,
}: {
  transcript: TranscriptView | null;
  /** The player's position, in seconds. */
  time?: number;
  /** Absent: no recording to seek in. */
  onSeek?: (seconds: number) => void;
}) {
  const t = useTranslations("transcripts");
  const list = useRef<HTMLOListElement>(null);
  const active = transcript && onSeek ? activeUtterance(transcript.lines, time * 1000) : -1;

  // Keeps the highlighted line visible inside the list without scrolling the page.
  useEffect(() => {
    const box = list.current;
    const el = box?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!box || !el) return;
    if (el.offsetTop < box.scrollTop || el.offsetTop + el.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = el.offsetTop - box.clientHeight / 3;
  }, [active]);

  if (!transcript)
    return (
      <p className="text-sm text-slate-500" data-testid="transcript-none">
        {t("none")}
      </p>
    );
  return (
    <TitledSection
      id="transcript-title"
      title={t("title")}
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      titleClassName="font-semibold"
      testId="transcript"
    >
      <p className="text-xs text-slate-600" data-testid="transcript-hint">
        {onSeek ? t("seekHint") : t("noRecording")}
      </p>
      {transcript.missing.length ? (
        <p
          className="mt-2 rounded border border-amber-200 bg-amber-50 px-2 py-1 text-sm text-amber-900"
          data-testid="transcript-missing"
        >
          {t("missing", { names: transcript.missing.join(", ") })}
        </p>
      ) : null}
      <ol ref={list} className="relative mt-2 max-h-96 space-y-1 overflow-y-auto">
        {transcript.lines.map((line, i) => {
          const speaker = t(`speaker.${line.speaker}`);
          const current = i === active;
          const row = `flex w-full gap-2 rounded px-2 py-1 text-left text-sm ${
            line.prohibited.length ? "border-l-4 border-red-500" : ""
          }`;
          const content = (
            <>
              <span className="w-12 shrink-0 font-mono text-xs tabular-nums text-slate-600">
                {formatClock(line.startMs / 1000)}
              </span>
              <span
                className={`w-16 shrink-0 text-xs font-medium ${line.speaker === "robot" ? "text-sky-800" : "text-emerald-800"}`}
              >
                {speaker}
              </span>
              <span className="min-w-0 flex-1">
                {line.text}
                {line.prohibited.length ? (
                  <span className="mt-0.5 block text-xs font-medium text-red-800" data-testid="utterance-prohibited">
                    {t("prohibited", { names: line.prohibited.join(", ") })}
                  </span>
                ) : null}
              </span>
            </>
          );
          return (
            <li key={i}>
              {onSeek ? (
                <button
                  type="button"
                  onClick={() => onSeek(line.startMs / 1000)}
                  aria-current={current ? "true" : undefined}
                  data-testid="utterance"
                  data-start-ms={line.startMs}
                  className={`${row} hover:bg-slate-50 ${current ? "bg-sky-50 ring-1 ring-sky-300" : ""}`}
                >
                  {content}
                </button>
              ) : (
                <div data-testid="utterance" data-start-ms={line.startMs} className={row}>
                  {content}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </TitledSection>
  );
}
