"use client";

import { useTranslations } from "next-intl";
import type { PayloadView } from "@/lib/corrections/views";
import { TableHead } from "@/components/ui/table";

/** What TOP received on the last attempt against what the next attempt will send, field by field (masked). */
export function PayloadDiff({ payload, caption }: { payload: PayloadView; caption: string }) {
  const t = useTranslations("corrections");
  const never = payload.last_sent_at === null;
  return (
    <table className="min-w-full rounded border border-slate-200 bg-white text-sm" data-testid="payload-diff">
      <caption className="px-2 py-1 text-left text-xs text-slate-600">{caption}</caption>
      <TableHead>
        <tr>
          <th scope="col" className="px-2 py-1">
            {t("field")}
          </th>
          <th scope="col" className="px-2 py-1">
            {never ? t("neverSent") : t("sent")}
          </th>
          <th scope="col" className="px-2 py-1">
            {t("next")}
          </th>
        </tr>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {payload.diff.map((d) => (
          <tr
            key={d.field}
            data-testid={d.changed ? "diff-changed" : undefined}
            className={d.changed ? "bg-amber-50" : ""}
          >
            <th scope="row" className="px-2 py-1 text-left font-mono text-xs font-normal">
              {d.field}
              {d.corrected ? <span className="text-amber-800"> ({t("correctedMark")})</span> : null}
            </th>
            <td className="break-all px-2 py-1 font-mono text-xs">{never ? "" : (d.sent ?? "–")}</td>
            <td className="break-all px-2 py-1 font-mono text-xs">
              {d.next ?? "–"}
              {d.changed ? <span className="sr-only"> ({t("changed")})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
