import { useTranslations } from "next-intl";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { TableBox } from "@/components/ui/boxed-table";
import { useFormat } from "@/components/ui/use-format";
import type { DeliveryPage } from "@/lib/alerts/data";
import type { DeliveryState } from "@/lib/alerts/kinds";

const STATE_STYLE: Record<DeliveryState, string> = {
  queued: "bg-slate-100 text-slate-700",
  in_flight: "bg-sky-100 text-sky-800",
  retrying: "bg-amber-100 text-amber-900",
  delivered: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
};

/** A channel's deliveries, newest first, each with its attempts (status, time, the receiver's answer). */
export function DeliveryLog({
  page,
  channelId,
  paged,
  timeZone,
}: {
  page: DeliveryPage;
  channelId: string;
  /** Whether this is an older page (then "newest" leads back to the first). */
  paged: boolean;
  timeZone: string;
}) {
  const t = useTranslations("alerts");
  const fmt = useFormat();
  const kindLabel = (kind: string) => (t.has(`kinds.${kind as "test"}`) ? t(`kinds.${kind as "test"}`) : kind);
  return (
    <section aria-labelledby="delivery-log" className="space-y-2">
      <h2 id="delivery-log" className="text-lg font-semibold">
        {t("log.title")}
      </h2>
      {page.rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          {t("log.empty")}
        </p>
      ) : (
        <TableBox
          caption={t("log.caption")}
          columns={[
            t("log.when", { timeZone }),
            ...(["event", "state", "attempts", "status", "error"] as const).map((c) => t(`log.${c}`)),
          ]}
        >
          <tbody className="divide-y divide-slate-100 align-top">
            {page.rows.map((d) => (
              <tr key={d.id.toString()} data-testid="delivery-row">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{fmt.dateTime(d.createdAt)}</td>
                <td className="px-3 py-2">
                  {kindLabel(d.kind)}
                  <span className="block text-xs text-slate-500">{d.title}</span>
                </td>
                <td className="px-3 py-2">
                  <span
                    data-testid="delivery-state"
                    className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[d.state]}`}
                  >
                    {t(`states.${d.state}`)}
                  </span>
                  {d.state === "retrying" ? (
                    <span className="block text-xs text-slate-500">
                      {t("log.next", { at: fmt.dateTime(d.nextAttemptAt) })}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {d.attemptLog.length ? (
                    <details>
                      <summary className="cursor-pointer tabular-nums">{d.attempts}</summary>
                      <ol className="mt-1 space-y-1 text-xs">
                        {d.attemptLog.map((a) => (
                          <li key={a.attempt}>
                            {t("log.attemptLine", {
                              attempt: a.attempt,
                              at: fmt.dateTime(a.at),
                              status: a.httpStatus ?? t("log.noStatus"),
                              ms: a.durationMs,
                            })}
                            {a.error ? <span className="block text-red-700">{a.error}</span> : null}
                            {a.responseBody ? (
                              <code className="block max-w-md truncate text-slate-500">{a.responseBody}</code>
                            ) : null}
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : (
                    <span className="tabular-nums">{d.attempts}</span>
                  )}
                </td>
                <td className="px-3 py-2 tabular-nums">{d.lastStatus ?? "–"}</td>
                <td className="max-w-xs break-words px-3 py-2 text-red-700">{d.lastError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </TableBox>
      )}
      <KeysetPager
        label={t("log.older")}
        first={paged ? `/admin/alerts/${channelId}` : null}
        previous={null}
        next={page.next ? `/admin/alerts/${channelId}?before=${page.next}` : null}
      />
    </section>
  );
}
