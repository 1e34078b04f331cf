import { useTranslations } from "next-intl";
import type { Agreement } from "@/lib/scorecards/agreement";
import type { CalibrationSessionView } from "@/lib/scorecards/calibration-data";
import { itemsOf, type Answer } from "@/lib/scorecards/schema";
import { TitledSection } from "@/components/ui/titled-section";
import { EmptyOr } from "@/components/ui/empty-or";

/** A session's agreement rate (defined on the page) and the (call, item) pairs on which answers differ. */
export function CalibrationComparison({
  session,
  agreement,
}: {
  session: CalibrationSessionView;
  agreement: Agreement;
}) {
  const t = useTranslations("scorecards.calibration");
  const tp = useTranslations("scorecards.panel");
  const labels = Object.fromEntries(itemsOf(session.sections).map((i) => [i.key, i.label]));
  const reviewers = [...new Map(session.assignments.map((a) => [a.reviewerId, a.reviewer])).entries()];
  const calls = [...new Set(session.assignments.map((a) => a.callRecordId))];
  const show = (a: Answer | undefined) =>
    a === undefined ? "–" : a === "pass" ? tp("pass") : a === "fail" ? tp("fail") : a === "na" ? tp("na") : String(a);
  const differ = agreement.items.filter((i) => i.agree === false);
  const submittedOf = (call: string, reviewer: string) =>
    session.assignments.find((a) => a.callRecordId === call && a.reviewerId === reviewer);
  return (
    <div className="space-y-4 text-sm">
      <TitledSection
        id="agreement"
        title={t("agreement")}
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="agreement-rate">
          {agreement.rate === null
            ? t("noAgreement")
            : t("agreementValue", {
                rate: Math.round(agreement.rate * 1000) / 10,
                agreed: agreement.agreed,
                compared: agreement.compared,
              })}
        </p>
        <p className="mt-1 text-xs text-slate-600">{t("agreementDefinition")}</p>
      </TitledSection>
      <TitledSection id="differences" title={t("differences")} className="space-y-2">
        <EmptyOr empty={differ.length === 0} text={t("noDifferences")} className="text-slate-600">
          <table
            className="min-w-full rounded-lg border border-slate-200 bg-white"
            data-testid="calibration-differences"
          >
            <ReviewerColumns leading={[t("call"), t("item")]} reviewers={reviewers} />
            <tbody className="divide-y divide-slate-100">
              {differ.map((d) => (
                <tr key={`${d.recordId}:${d.itemKey}`}>
                  <td className="px-3 py-2 font-mono text-xs">{d.recordId}</td>
                  <td className="px-3 py-2">{labels[d.itemKey] ?? d.itemKey}</td>
                  {reviewers.map(([id]) => (
                    <td key={id} className="px-3 py-2">
                      {show(d.answers[id])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </EmptyOr>
      </TitledSection>
      <TitledSection id="all-answers" title={t("allAnswers")} className="space-y-2">
        <table className="min-w-full rounded-lg border border-slate-200 bg-white">
          <ReviewerColumns leading={[t("call")]} reviewers={reviewers} />
          <tbody className="divide-y divide-slate-100">
            {calls.map((c) => (
              <tr key={c}>
                <td className="px-3 py-2 font-mono text-xs">{c}</td>
                {reviewers.map(([id]) => {
                  const a = submittedOf(c, id);
                  return (
                    <td key={id} className="px-3 py-2 tabular-nums">
                      {!a?.submittedAt ? (
                        <span className="text-slate-500">{t("notSubmitted")}</span>
                      ) : (
                        <>
                          {a.score === null ? tp("noScore") : a.score}
                          {a.criticalFailed ? (
                            <span className="ml-1 text-xs text-red-700">{tp("criticalFailed")}</span>
                          ) : null}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TitledSection>
    </div>
  );
}

/** Both tables' header: the leading columns, then one column per reviewer. */
function ReviewerColumns({ leading, reviewers }: { leading: string[]; reviewers: [string, string][] }) {
  return (
    <thead className="bg-slate-50 text-left text-xs text-slate-500">
      <tr>
        {leading.map((label) => (
          <th key={label} scope="col" className="px-3 py-2">
            {label}
          </th>
        ))}
        {reviewers.map(([id, name]) => (
          <th key={id} scope="col" className="px-3 py-2">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}
