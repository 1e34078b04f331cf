"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ResultStatusBadge } from "@/components/calls/status-badge";
import { useFormat } from "@/components/ui/use-format";
import { jobText } from "@/lib/call-records/notation";
import type { ReviewItem } from "@/lib/review/data";
import { useIntentText } from "./intent-text";
import { DetailItem } from "@/components/ui/field";

/** The record under review: its key fields, its current verdict and who else holds it. */
export function RecordSummary({
  item,
  heldBy,
  labelOf,
}: {
  item: ReviewItem;
  heldBy: string | null;
  labelOf: (code: string) => string;
}) {
  const t = useTranslations("review");
  const tc = useTranslations("common");
  const fmt = useFormat();
  const intentText = useIntentText();
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/calls/${item.callRecordId}`} className="font-mono text-sm text-sky-700 hover:underline">
          {t("openRecord", { id: item.callRecordId })}
        </Link>
        <span className="text-xs text-slate-500">
          {tc(`review.${item.reviewState}`)}
          {item.reviewedBy
            ? ` · ${t("currentVerdict", { state: tc(`review.${item.reviewState}`), name: item.reviewedBy })}`
            : ""}
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        <DetailItem label={t("fields.start")}>
          {item.startTime ? fmt.dateTime(new Date(item.startTime)) : t("fields.none")}
        </DetailItem>
        <DetailItem label={t("fields.job")}>
          <span className="text-xs">{jobText(item.jobId, item.jobName)}</span>
        </DetailItem>
        <DetailItem label={t("fields.result")}>
          <ResultStatusBadge status={item.resultStatus} />
        </DetailItem>
        <DetailItem label={t("fields.callee")}>{item.name ?? t("fields.none")}</DetailItem>
        <DetailItem label={t("fields.number")}>
          <span className="font-mono text-xs">{item.calledPhoneNumber ?? t("fields.none")}</span>
        </DetailItem>
        <DetailItem label={t("fields.duration")}>{fmt.duration(item.chatDuration)}</DetailItem>
        <DetailItem label={t("fields.intent")}>{intentText(item.intent)}</DetailItem>
        {item.correctedIntent ? (
          <DetailItem label={t("fields.corrected")}>
            <span className="text-amber-800" data-testid="corrected-intent">
              {intentText(item.correctedIntent)}
            </span>
          </DetailItem>
        ) : null}
      </dl>
      {item.reasons.length ? (
        <p className="mt-2 text-xs text-amber-900" data-testid="current-reasons">
          {t("reasons")}: {item.reasons.map(labelOf).join(", ")}
        </p>
      ) : null}
      {item.notes ? (
        <p className="mt-1 whitespace-pre-wrap text-xs text-slate-700">
          {t("notes")}: {item.notes}
        </p>
      ) : null}
      {heldBy ? <p className="mt-2 text-xs text-amber-800">{t("heldBy", { name: heldBy })}</p> : null}
    </div>
  );
}
