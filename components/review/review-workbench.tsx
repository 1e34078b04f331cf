"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { AudioPlayer, type PlayerApi } from "@/components/audio/audio-player";
import { formatClock, isTypingTarget } from "@/components/audio/time";
import { useFormat } from "@/components/ui/use-format";
import type { ActionResult } from "@/lib/actions/wrapper";
import { addReviewComment, claimNextRecord, releaseRecordClaim, renewRecordClaim, submitReviewVerdict } from "@/lib/review/actions";
import type { IntentOption, ReviewItem, ReviewReasonOption } from "@/lib/review/data";
import { intentText as intentNotation, jobText } from "@/lib/call-records/notation";
import { ResultStatusBadge } from "@/components/calls/status-badge";
import { useReasonLabel } from "./reason-label";

type Claimed = { item: ReviewItem | null; remaining: { value: number; exact: boolean } };

function unwrap<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

/**
 * The review queue, one record at a time: the record's key fields, the
 * player, comments pinned to moments, and the verdict. One key moves on
 * (p passes, n skips; f opens the flag form). The record in front of the
 * reviewer is claimed for them, so two reviewers on one queue never get the
 * same record.
 */
export function ReviewWorkbench({
  query,
  reasons,
  intents,
  claimMinutes,
  initialTime,
}: {
  /** The queue as /calls URL parameters. */
  query: string;
  reasons: ReviewReasonOption[];
  intents: IntentOption[];
  claimMinutes: number;
  initialTime: number;
}) {
  const t = useTranslations("review");
  const router = useRouter();
  const tc = useTranslations("common");
  const fmt = useFormat();
  const [state, setState] = useState<Claimed | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [heldBy, setHeldBy] = useState<string | null>(null);
  const [flagging, setFlagging] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [intent, setIntent] = useState<string>("");
  const [comment, setComment] = useState("");
  const [commentAt, setCommentAt] = useState(0);
  const [startAt, setStartAt] = useState(initialTime);
  const exclude = useRef<string[]>([]);
  const player = useRef<PlayerApi | null>(null);
  const firstReason = useRef<HTMLInputElement>(null);
  const commentBox = useRef<HTMLInputElement>(null);
  const item = state?.item ?? null;

  const advance = useCallback(
    async (handled?: string) => {
      if (handled) exclude.current = [...exclude.current, handled].slice(-1_000);
      setBusy(true);
      setError(null);
      setFlagging(false);
      setChosen([]);
      setNotes("");
      setIntent("");
      setComment("");
      setHeldBy(null);
      try {
        const next = unwrap(await claimNextRecord({ query, exclude: exclude.current }));
        setState(next);
        if (handled) {
          setStartAt(0);
          const url = new URL(window.location.href);
          url.searchParams.delete("t");
          window.history.replaceState(window.history.state, "", url);
        }
      } catch (err) {
        setError((err as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [query],
  );

  // The first record, once mounted (a timer, so a double mount in development claims once).
  useEffect(() => {
    const timer = setTimeout(() => void advance(), 0);
    return () => clearTimeout(timer);
  }, [advance]);

  // Keep the claim while the reviewer stays on the record.
  useEffect(() => {
    if (!item) return;
    const id = item.callRecordId;
    const timer = setInterval(() => {
      void renewRecordClaim({ callRecordId: id }).then((r) => {
        if (r.ok && !r.data.held) setHeldBy(r.data.heldBy);
      });
    }, Math.max(10_000, (claimMinutes * 60_000) / 3));
    return () => clearInterval(timer);
  }, [item, claimMinutes]);

  const verdict = useCallback(
    async (v: "passed" | "flagged") => {
      if (!item || busy) return;
      if (v === "flagged" && chosen.length === 0) {
        setError(t("needReason"));
        return;
      }
      setBusy(true);
      setError(null);
      try {
        const correctedIntent =
          intent === "" ? undefined : intent === "none" ? null : { tagId: intent.split(":")[0]!, code: Number(intent.split(":")[1]) };
        unwrap(
          await submitReviewVerdict({
            callRecordId: item.callRecordId,
            verdict: v,
            reasons: v === "flagged" ? chosen : [],
            notes: notes || undefined,
            correctedIntent,
          }),
        );
        setStatus(t("saved", { state: v, id: item.callRecordId }));
        // The page's unreviewed / passed / flagged counters are server-rendered: refreshed in place, the workbench keeps its state.
        router.refresh();
        await advance(item.callRecordId);
      } catch (err) {
        setError(t("failed", { message: (err as Error).message }));
        setBusy(false);
      }
    },
    [item, busy, chosen, notes, intent, advance, t, router],
  );

  const skip = useCallback(async () => {
    if (!item || busy) return;
    await releaseRecordClaim({ callRecordId: item.callRecordId });
    await advance(item.callRecordId);
  }, [item, busy, advance]);

  const openFlag = useCallback(() => {
    setFlagging(true);
    setTimeout(() => firstReason.current?.focus(), 0);
  }, []);

  const startComment = useCallback(() => {
    setCommentAt(Math.floor((player.current?.currentTime() ?? 0) * 1000));
    setTimeout(() => commentBox.current?.focus(), 0);
  }, []);

  // p / f / n / c, anywhere on the page except while typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target) || !item) return;
      if (e.key === "p") void verdict("passed");
      else if (e.key === "f") openFlag();
      else if (e.key === "n") void skip();
      else if (e.key === "c") {
        e.preventDefault();
        startComment();
      } else if (e.key === "Escape") setFlagging(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [item, verdict, openFlag, skip, startComment]);

  async function submitComment(e: FormEvent) {
    e.preventDefault();
    if (!item || !comment.trim()) return;
    try {
      const comments = unwrap(await addReviewComment({ callRecordId: item.callRecordId, positionMs: commentAt, body: comment }));
      setState((s) => (s?.item ? { ...s, item: { ...s.item, comments } } : s));
      setComment("");
    } catch (err) {
      setError(t("failed", { message: (err as Error).message }));
    }
  }

  const labelOf = useReasonLabel(Object.fromEntries(reasons.map((r) => [r.code, r.label])));
  const reasonLabel = (r: ReviewReasonOption) => labelOf(r.code);
  const intentText = (i: { tagId: string | null; code: number | null; name: string | null }) => intentNotation(i) ?? t("fields.none");
  const button = "rounded border px-3 py-1.5 text-sm font-medium disabled:opacity-50";

  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-600" data-testid="review-status">
        {busy && !item ? t("taking") : status}
        {state ? (
          <span className={(busy && !item) || status ? "ml-2 text-slate-500" : "text-slate-500"} data-testid="queue-remaining">
            {/* A separator only after something: alone, the count starts the line. */}
            {(busy && !item) || status ? "· " : ""}
            {state.remaining.exact ? t("remaining", { count: state.remaining.value }) : t("remainingEstimate", { count: fmt.count(state.remaining.value, false) })}
          </span>
        ) : null}
      </p>
      {error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {state && !item ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600" data-testid="queue-empty">
          <p>{t("empty")}</p>
          <p className="mt-1 text-xs">{t("emptyHint")}</p>
        </div>
      ) : null}
      {item ? (
        <div className="grid gap-4 lg:grid-cols-[1fr_22rem]" data-testid="review-item" data-record={item.callRecordId}>
          <div className="space-y-3">
            <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/calls/${item.callRecordId}`} className="font-mono text-sm text-sky-700 hover:underline">
                  {t("openRecord", { id: item.callRecordId })}
                </Link>
                <span className="text-xs text-slate-500">
                  {tc(`review.${item.reviewState}`)}
                  {item.reviewedBy ? ` · ${t("currentVerdict", { state: tc(`review.${item.reviewState}`), name: item.reviewedBy })}` : ""}
                </span>
              </div>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                <Field label={t("fields.start")}>{item.startTime ? fmt.dateTime(new Date(item.startTime)) : t("fields.none")}</Field>
                <Field label={t("fields.job")}><span className="text-xs">{jobText(item.jobId, item.jobName)}</span></Field>
                <Field label={t("fields.result")}><ResultStatusBadge status={item.resultStatus} /></Field>
                <Field label={t("fields.callee")}>{item.name ?? t("fields.none")}</Field>
                <Field label={t("fields.number")}><span className="font-mono text-xs">{item.calledPhoneNumber ?? t("fields.none")}</span></Field>
                <Field label={t("fields.duration")}>{fmt.duration(item.chatDuration)}</Field>
                <Field label={t("fields.intent")}>{intentText(item.intent)}</Field>
                {item.correctedIntent ? (
                  <Field label={t("fields.corrected")}>
                    <span className="text-amber-800" data-testid="corrected-intent">{intentText(item.correctedIntent)}</span>
                  </Field>
                ) : null}
              </dl>
              {item.reasons.length ? (
                <p className="mt-2 text-xs text-amber-900" data-testid="current-reasons">
                  {t("reasons")}: {item.reasons.map(labelOf).join(", ")}
                </p>
              ) : null}
              {item.notes ? <p className="mt-1 whitespace-pre-wrap text-xs text-slate-700">{t("notes")}: {item.notes}</p> : null}
              {heldBy ? <p className="mt-2 text-xs text-amber-800">{t("heldBy", { name: heldBy })}</p> : null}
            </div>
            <AudioPlayer
              key={item.callRecordId}
              src={`/api/audio/${item.callRecordId}`}
              downloadHref={item.audio === "archived" ? `/api/audio/${item.callRecordId}?download=1` : null}
              initialTime={startAt}
              apiRef={player}
            />
            <section aria-labelledby="comments-title" className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <h2 id="comments-title" className="mb-2 text-sm font-semibold">{t("comments")}</h2>
              {item.comments.length === 0 ? <p className="text-sm text-slate-500">{t("noComments")}</p> : null}
              <ol className="space-y-1" data-testid="comments">
                {item.comments.map((c) => (
                  <li key={c.id} className="flex gap-2 text-sm">
                    <button
                      type="button"
                      onClick={() => player.current?.seek(c.positionMs / 1000)}
                      className="font-mono text-xs text-sky-700 hover:underline"
                      aria-label={t("jumpTo", { time: formatClock(c.positionMs / 1000) })}
                    >
                      {formatClock(c.positionMs / 1000)}
                    </button>
                    <span className="flex-1">{c.body}</span>
                    <span className="text-xs text-slate-500">{c.author}</span>
                  </li>
                ))}
              </ol>
              <form onSubmit={submitComment} className="mt-2 flex items-center gap-2 text-sm">
                <div className="flex flex-1 items-center gap-2">
                  <button type="button" onClick={startComment} className="whitespace-nowrap text-xs text-slate-600 underline" aria-keyshortcuts="c">
                    {t("commentAt", { time: formatClock(commentAt / 1000) })}
                  </button>
                  <input
                    ref={commentBox}
                    value={comment}
                    onFocus={() => comment === "" && setCommentAt(Math.floor((player.current?.currentTime() ?? 0) * 1000))}
                    onChange={(e) => setComment(e.target.value)}
                    placeholder={t("commentPlaceholder")}
                    aria-label={t("commentAt", { time: formatClock(commentAt / 1000) })}
                    maxLength={1000}
                    className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1"
                  />
                </div>
                <button type="submit" disabled={!comment.trim()} className={`${button} border-slate-300 bg-white hover:bg-slate-50`}>
                  {t("addComment")}
                </button>
              </form>
            </section>
          </div>
          <aside className="space-y-3">
            <div className="flex gap-2">
              <button type="button" onClick={() => void verdict("passed")} disabled={busy} aria-keyshortcuts="p" className={`${button} flex-1 border-emerald-700 bg-emerald-700 text-white hover:bg-emerald-800`}>
                {t("pass")} <kbd className="ml-1 text-xs opacity-80">p</kbd>
              </button>
              <button type="button" onClick={openFlag} disabled={busy} aria-keyshortcuts="f" aria-expanded={flagging} className={`${button} flex-1 border-amber-600 bg-white text-amber-800 hover:bg-amber-50`}>
                {t("flag")} <kbd className="ml-1 text-xs opacity-80">f</kbd>
              </button>
              <button type="button" onClick={() => void skip()} disabled={busy} aria-keyshortcuts="n" className={`${button} border-slate-300 bg-white hover:bg-slate-50`}>
                {t("skip")} <kbd className="ml-1 text-xs opacity-80">n</kbd>
              </button>
            </div>
            {flagging ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void verdict("flagged");
                }}
                aria-label={t("flag")}
                className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm"
              >
                <fieldset>
                  <legend className="mb-1 font-medium">{t("reasons")}</legend>
                  {reasons.map((r, i) => (
                    <label key={r.code} className="flex items-center gap-2">
                      <input
                        ref={i === 0 ? firstReason : undefined}
                        type="checkbox"
                        checked={chosen.includes(r.code)}
                        onChange={(e) => setChosen(e.target.checked ? [...chosen, r.code] : chosen.filter((c) => c !== r.code))}
                      />
                      {reasonLabel(r)}
                    </label>
                  ))}
                </fieldset>
                <label className="block">
                  <span className="mb-1 block font-medium">{t("notes")}</span>
                  <textarea value={notes} onChange={(e) => setNotes(e.target.value)} placeholder={t("notesPlaceholder")} rows={3} maxLength={2000} className="w-full rounded border border-slate-300 bg-white px-2 py-1" />
                </label>
                <label className="block">
                  <span className="mb-1 block font-medium">{t("correctIntent")}</span>
                  <select value={intent} onChange={(e) => setIntent(e.target.value)} className="w-full rounded border border-slate-300 bg-white px-1 py-1" data-testid="correct-intent">
                    <option value="">{item.correctedIntent ? intentText(item.correctedIntent) : t("keepIntent")}</option>
                    {item.correctedIntent ? <option value="none">{t("removeCorrection")}</option> : null}
                    {intents.map((o) => (
                      <option key={`${o.tagId}:${o.code}`} value={`${o.tagId}:${o.code}`}>
                        {intentText(o)}
                      </option>
                    ))}
                  </select>
                  <span className="mt-1 block text-xs text-slate-600">{t("correctionNote")}</span>
                </label>
                <div className="flex gap-2">
                  <button type="submit" disabled={busy} className={`${button} border-amber-700 bg-amber-700 text-white hover:bg-amber-800`}>
                    {t("submitFlag")}
                  </button>
                  <button type="button" onClick={() => setFlagging(false)} className={`${button} border-slate-300 bg-white`}>
                    {t("cancel")}
                  </button>
                </div>
              </form>
            ) : null}
            <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <summary className="cursor-pointer font-medium">{t("keys")}</summary>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                <dt><kbd>p</kbd></dt>
                <dd>{t("keyPass")}</dd>
                <dt><kbd>f</kbd></dt>
                <dd>{t("keyFlag")}</dd>
                <dt><kbd>n</kbd></dt>
                <dd>{t("keySkip")}</dd>
                <dt><kbd>c</kbd></dt>
                <dd>{t("keyComment")}</dd>
              </dl>
            </details>
            {item.history.length ? (
              <section className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <h2 className="mb-1 font-semibold">{t("history")}</h2>
                <ul className="space-y-1">
                  {item.history.map((h, i) => (
                    <li key={i}>
                      <span className="font-medium">{tc(`review.${h.verdict as "passed" | "flagged"}`)}</span> · {h.reviewer} · {fmt.dateTime(new Date(h.at))}
                      {h.reasons.length ? <span className="block text-xs text-slate-600" data-testid="history-reasons">{h.reasons.map(labelOf).join(", ")}</span> : null}
                      {h.notes ? <span className="block text-xs text-slate-600">{h.notes}</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </aside>
        </div>
      ) : null}
    </div>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
