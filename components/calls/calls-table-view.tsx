"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { CALL_COLUMNS, type ColumnId } from "./call-columns";
import { useVisibleColumns } from "./hidden-columns";
import { PageCheckbox, RowCheckbox } from "./selection";
import { ResultStatusBadge, ReviewState, SubmissionCell } from "./status-badge";
import type { CallTableRow } from "./table-row";
import { intentCode } from "@/lib/call-records/notation";
import { TableHead, Th } from "@/components/ui/table";

type Translate = ReturnType<typeof useTranslations<"calls.table">>;
type TranslateCompliance = ReturnType<typeof useTranslations<"compliance">>;

function cells(
  r: CallTableRow,
  t: Translate,
  listQuery: string,
  tk: TranslateCompliance,
): Record<ColumnId, { node: React.ReactNode; className?: string }> {
  return {
    start: {
      className: "whitespace-nowrap tabular-nums",
      node: (
        <Link href={`/calls/${r.id}${listQuery ? `?${listQuery}` : ""}`} className="text-sky-700 hover:underline">
          {r.start ?? `#${r.id}`}
        </Link>
      ),
    },
    job: {
      className: "whitespace-nowrap text-xs",
      node: (
        <Link href={`/calls?job=${r.job}`} className="hover:underline">
          {r.jobName ? (
            <span className="mr-1" data-testid="job-name">
              {r.jobName}
            </span>
          ) : null}
          <span className={r.jobName ? "font-mono text-[11px] text-slate-500" : "font-mono"}>
            {r.jobName ? `(${r.job})` : r.job}
          </span>
        </Link>
      ),
    },
    callee: { className: "whitespace-nowrap", node: r.callee ?? "–" },
    called: { className: "whitespace-nowrap font-mono text-xs", node: r.called ?? "–" },
    caller: { className: "whitespace-nowrap font-mono text-xs", node: r.caller ?? "–" },
    line: { className: "whitespace-nowrap font-mono text-xs", node: r.line ?? "–" },
    result: { node: <ResultStatusBadge status={r.status} /> },
    intent: {
      node: (
        <>
          {r.intent.name ?? (r.intent.code !== null ? `#${r.intent.code}` : "–")}
          {r.intent.tagId !== null && r.intent.code !== null ? (
            <span className="ml-1 font-mono text-[11px] text-slate-500">
              ({intentCode(r.intent.tagId, r.intent.code)})
            </span>
          ) : null}
          {r.corrected ? (
            <span className="block text-xs text-amber-800" title={t("correctedTitle")}>
              → {r.corrected.name ?? `#${r.corrected.code}`}{" "}
              {r.corrected.code !== null ? (
                <span className="font-mono text-[11px]">({intentCode(r.corrected.tagId, r.corrected.code)})</span>
              ) : null}
            </span>
          ) : null}
        </>
      ),
    },
    duration: { className: "text-right tabular-nums", node: r.duration },
    submission: {
      className: "whitespace-nowrap",
      node: <SubmissionCell state={r.submission.state} code={r.submission.code} message={r.submission.message} />,
    },
    review: {
      className: "whitespace-nowrap",
      node: (
        <>
          <ReviewState state={r.review} />
          {r.reviewedBy ? (
            <span className="block text-[11px] text-slate-500" data-testid="reviewed-by">
              {r.reviewedBy}
            </span>
          ) : null}
        </>
      ),
    },
    score: {
      className: "whitespace-nowrap text-right tabular-nums",
      node: r.score ? (
        <span data-testid="score-cell">
          {r.score.value}
          {r.score.criticalFailed ? (
            <span className="ml-1 rounded bg-red-100 px-1 text-[11px] text-red-800 ring-1 ring-inset ring-red-300">
              {t("criticalFailed")}
            </span>
          ) : null}
        </span>
      ) : (
        <span className="text-slate-500" title={t("unscored")}>
          –
        </span>
      ),
    },
    compliance: {
      className: "whitespace-nowrap text-xs",
      node: r.compliance.length ? (
        <ul className="flex flex-wrap gap-1" data-testid="compliance-cell">
          {r.compliance.map((k) => (
            <li key={k} className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 ring-1 ring-inset ring-amber-300">
              {tk(`kinds.${k}`)}
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-slate-500">{tk("none")}</span>
      ),
    },
    audio: {
      node: r.audio ? (
        <span role="img" aria-label={t("hasRecording")}>
          ♪
        </span>
      ) : (
        <span role="img" className="text-slate-500" aria-label={t("noRecording")}>
          –
        </span>
      ),
    },
  };
}

/**
 * The calls table, rendered from flat rows (see table-row.ts): on the server
 * for the first paint, then hydrated, so the page's payload carries the rows'
 * values once instead of their whole element tree.
 */
export function CallsTableView({
  rows,
  timeZone,
  selectable,
  listQuery,
}: {
  rows: CallTableRow[];
  timeZone: string;
  selectable: boolean;
  listQuery: string;
}) {
  const tt = useTranslations("calls.table");
  const tk = useTranslations("compliance");
  const columns = useVisibleColumns();
  return (
    <TableFrame timeZone={timeZone} pageCheckbox={selectable ? <PageCheckbox /> : null}>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => {
          const row = cells(r, tt, listQuery, tk);
          return (
            <tr
              key={r.key}
              tabIndex={-1}
              className="hover:bg-slate-50 focus:bg-sky-50 focus:outline-2 focus:outline-sky-600"
              data-testid="call-row"
            >
              {selectable ? (
                <td className="px-3 py-2">
                  <RowCheckbox id={r.id} label={tt("selectCall", { id: r.id })} />
                </td>
              ) : null}
              {columns.map((c) => (
                <td key={c.id} className={`px-3 py-2 ${row[c.id].className ?? ""}`}>
                  {row[c.id].node}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </TableFrame>
  );
}

/**
 * The table's frame and header row, which are also shown while the rows are
 * read: the header is the page's largest text, and the rows then fill in
 * below it without moving anything.
 */
function TableFrame({
  timeZone,
  pageCheckbox,
  pending = false,
  children,
}: {
  timeZone: string;
  pageCheckbox: React.ReactNode;
  pending?: boolean;
  children: React.ReactNode;
}) {
  const t = useTranslations("calls");
  const columns = useVisibleColumns();
  return (
    <div
      id={pending ? undefined : "calls-table"}
      aria-hidden={pending || undefined}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("table.caption")}</caption>
        <TableHead>
          <tr>
            {pageCheckbox !== null ? <Th>{pageCheckbox}</Th> : null}
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                className={`px-3 py-2 ${c.id === "duration" || c.id === "score" ? "text-right" : ""}`}
              >
                {c.id === "start" ? t("table.start", { timeZone }) : t(`columns.${c.id}`)}
              </th>
            ))}
          </tr>
        </TableHead>
        {children}
      </table>
    </div>
  );
}

/** The frame and header of the table with a blank body, while the rows are read. */
export function CallsTablePending({ timeZone, selectable }: { timeZone: string; selectable: boolean }) {
  return (
    <TableFrame
      timeZone={timeZone}
      pending
      pageCheckbox={selectable ? <input type="checkbox" disabled className="h-4 w-4" /> : null}
    >
      <tbody>
        <tr>
          <td
            colSpan={CALL_COLUMNS.length + 1}
            className="h-[60vh] animate-pulse bg-slate-50"
            data-testid="calls-list-pending"
          />
        </tr>
      </tbody>
    </TableFrame>
  );
}
