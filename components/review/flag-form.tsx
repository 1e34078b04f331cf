"use client";

import { useTranslations } from "next-intl";
import type { IntentOption, ReviewItem, ReviewReasonOption } from "@/lib/review/data";
import { useIntentText } from "./intent-text";
import { REVIEW_BUTTON } from "./review-button";
import type { useReviewSession } from "./use-review-session";
import { BlockLabel } from "@/components/ui/form-controls";

/** Flagging a record: its reasons (at least one), notes, and an optional corrected intent. */
export function FlagForm({
  item,
  reasons,
  intents,
  busy,
  labelOf,
  flag,
  onSubmit,
}: {
  item: ReviewItem;
  reasons: ReviewReasonOption[];
  intents: IntentOption[];
  busy: boolean;
  labelOf: (code: string) => string;
  flag: ReturnType<typeof useReviewSession>["flag"];
  onSubmit: () => void;
}) {
  const t = useTranslations("review");
  const intentText = useIntentText();
  const { setFlagging, chosen, setChosen, notes, setNotes, intent, setIntent, firstReason } = flag;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
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
            {labelOf(r.code)}
          </label>
        ))}
      </fieldset>
      <BlockLabel labelClassName="mb-1 block font-medium" label={t("notes")}>
        <textarea
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          placeholder={t("notesPlaceholder")}
          rows={3}
          maxLength={2000}
          className="w-full rounded border border-slate-300 bg-white px-2 py-1"
        />
      </BlockLabel>
      <BlockLabel labelClassName="mb-1 block font-medium" label={t("correctIntent")}>
        <select
          value={intent}
          onChange={(e) => setIntent(e.target.value)}
          className="w-full rounded border border-slate-300 bg-white px-1 py-1"
          data-testid="correct-intent"
        >
          <option value="">{item.correctedIntent ? intentText(item.correctedIntent) : t("keepIntent")}</option>
          {item.correctedIntent ? <option value="none">{t("removeCorrection")}</option> : null}
          {intents.map((o) => (
            <option key={`${o.tagId}:${o.code}`} value={`${o.tagId}:${o.code}`}>
              {intentText(o)}
            </option>
          ))}
        </select>
        <span className="mt-1 block text-xs text-slate-600">{t("correctionNote")}</span>
      </BlockLabel>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className={`${REVIEW_BUTTON} border-amber-700 bg-amber-700 text-white hover:bg-amber-800`}
        >
          {t("submitFlag")}
        </button>
        <button
          type="button"
          onClick={() => setFlagging(false)}
          className={`${REVIEW_BUTTON} border-slate-300 bg-white`}
        >
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
