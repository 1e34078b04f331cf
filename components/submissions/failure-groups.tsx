"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import type { Selection } from "@/lib/submissions/selection";
import type { BatchDetailView } from "@/lib/submissions/views";
import { ColumnsHead } from "@/components/ui/columns-head";
import { EmptyOr } from "@/components/ui/empty-or";
import { textButton } from "@/components/ui/styles";

/** A batch's failures grouped by TOP's answer, each group with its resubmit and bulk-fix actions. */
export function FailureGroups({
  batchId: id,
  failures,
  failed,
  canControl,
  canFix,
  onResubmit,
  onFix,
}: {
  batchId: string;
  failures: BatchDetailView["failures"];
  /** Rejected and given-up records of the batch. */
  failed: number;
  canControl: boolean;
  canFix: boolean;
  onResubmit: (what: { selection: Selection; label: string }) => void;
  onFix: (what: { failureCode: string | null; label: string }) => void;
}) {
  const t = useTranslations("submissions.detail");
  const tf = useTranslations("corrections");
  const fmt = useFormat();
  return (
    <section aria-labelledby="failures" className="space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="failures" className="font-semibold">
          {t("failures")}
        </h2>
        {canControl && failed ? (
          <button
            type="button"
            onClick={() =>
              onResubmit({
                selection: { type: "batch", batchId: id },
                label: t("resubmitAllLabel", { count: fmt.count(failed), id }),
              })
            }
            className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50"
          >
            {t("resubmitAll")}
          </button>
        ) : null}
      </div>
      <EmptyOr empty={failures.length === 0} text={t("noFailures")}>
        <table className="min-w-full rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
          <ColumnsHead
            caption={t("failuresCaption")}
            columns={[
              t("outcome"),
              t("code"),
              t("message"),
              { label: t("records"), align: "right" },
              t("examples"),
              { label: <span className="sr-only">{t("actions")}</span> },
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {failures.map((g) => {
              const label = t("resubmitGroupLabel", {
                count: fmt.count(g.count),
                code: g.code ?? t("noCode"),
                message: g.message ?? "",
              });
              return (
                <tr key={`${g.state}-${g.code}-${g.message}`} data-testid="failure-group">
                  <td className="px-3 py-2">{g.state === "failed" ? t("givenUp") : t("rejected")}</td>
                  <td className="px-3 py-2 font-mono text-xs">{g.code ?? "–"}</td>
                  <td className="px-3 py-2">{g.message ?? "–"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{fmt.count(g.count)}</td>
                  <td className="px-3 py-2">
                    {g.sampleIds.map((s) => (
                      <Link
                        key={s}
                        href={`/calls/${s}`}
                        className="mr-2 font-mono text-xs text-sky-700 hover:underline"
                      >
                        {s}
                      </Link>
                    ))}
                  </td>
                  <td className="px-3 py-2">
                    {canControl ? (
                      <button
                        type="button"
                        onClick={() =>
                          onResubmit({
                            selection: { type: "batch", batchId: id, failureCode: g.code },
                            label,
                          })
                        }
                        className={textButton}
                      >
                        {t("resubmitGroup")}
                      </button>
                    ) : null}
                    {canFix ? (
                      <button
                        type="button"
                        onClick={() =>
                          onFix({
                            failureCode: g.code,
                            label,
                          })
                        }
                        className={`ml-3 ${textButton}`}
                      >
                        {tf("fixGroup")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </EmptyOr>
    </section>
  );
}
