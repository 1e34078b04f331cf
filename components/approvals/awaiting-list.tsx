"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { useBatchKind, useDescribeSelection } from "@/components/submissions/batch-progress";
import type { AwaitingBatch } from "@/lib/approvals/data";
import { useApprovalReason } from "./use-approval-reason";
import { TitledSection } from "@/components/ui/titled-section";

/** The batches waiting for a second supervisor, above the other batches so that nobody misses them. */
export function AwaitingApprovalList({ batches }: { batches: AwaitingBatch[] }) {
  const t = useTranslations("approval.section");
  const reason = useApprovalReason();
  const tl = useTranslations("submissions.list");
  const fmt = useFormat();
  const kind = useBatchKind();
  const describeSelection = useDescribeSelection();
  return (
    <TitledSection
      id="awaiting-approval"
      title={`${t("title")} (${fmt.count(batches.length)})`}
      className="space-y-2 rounded-lg border border-violet-300 bg-violet-50 p-4"
      titleClassName="font-semibold text-violet-950"
      testId="awaiting-approval"
    >
      <p className="text-sm text-violet-900">{t("intro")}</p>
      <ul className="divide-y divide-violet-200 text-sm">
        {batches.map((b) => (
          <li key={b.id} className="flex flex-wrap items-baseline gap-x-3 py-2" data-testid="awaiting-row">
            <Link href={`/submissions/${b.id}`} className="font-medium text-sky-800 hover:underline">
              #{b.id}
            </Link>
            <span>
              {kind(b.kind)} · {describeSelection(b.selection)}
            </span>
            <span className="tabular-nums">
              {tl("records")}: {fmt.count(b.total)}
            </span>
            <span>{b.reasons.map(reason).join(" · ")}</span>
            <span className="text-violet-900">
              {b.requestedBy} · {fmt.dateTime(b.requestedAt)}
            </span>
          </li>
        ))}
      </ul>
    </TitledSection>
  );
}
