import { getTranslations } from "next-intl/server";
import { getFormat } from "@/components/ui/get-format";
import { IgnoredParams, type IgnoredKind } from "@/components/input/ignored-params";
import { listAuditEvents, parseAuditFilters } from "@/lib/audit/data";
import { requireUser } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { AuditDetails } from "@/components/audit/audit-details";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { StackedInput } from "@/components/ui/form-controls";
import { TableBox } from "@/components/ui/boxed-table";
import type { SearchParams } from "@/components/ui/page-props";
import { secondaryButton } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("metaTitle") };
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const fmt = await getFormat();
  const t = await getTranslations("audit");
  await requireUser("audit:read");
  const raw = await searchParams;
  const { filters, errors } = parseAuditFilters(raw);
  const { rows, next, prev } = await listAuditEvents(filters);
  const ta = await getTranslations("views.auditAction");
  // A newer action without a label yet shows its code.
  const actionLabel = (action: string) =>
    ta.has(action as "sign_out") && typeof ta.raw(action as "sign_out") === "string"
      ? ta(action as "sign_out")
      : action;
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  const query = new URLSearchParams(
    Object.entries(filters).filter(([k, v]) => v && k !== "before" && k !== "after") as [string, string][],
  );
  const tv = await getTranslations("views");
  const at = (extra: string) => `/audit?${query}${query.size && extra ? "&" : ""}${extra}`;
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        <a href={`/api/audit/export?${query}`} download className={secondaryButton}>
          {t("exportCsv")}
        </a>
      </div>
      <form
        method="get"
        role="search"
        aria-label={t("filter.label")}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
      >
        <StackedInput label={t("filter.user")} name="user" defaultValue={filters.user} />
        <StackedInput
          label={t("filter.action")}
          name="action"
          defaultValue={filters.action}
          placeholder={t("filter.actionPlaceholder")}
        />
        <StackedInput label={t("filter.from")} type="date" name="from" defaultValue={filters.from?.slice(0, 10)} />
        <StackedInput label={t("filter.to")} type="date" name="to" defaultValue={filters.to?.slice(0, 10)} />
        <button type="submit" className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800">
          {t("filter.submit")}
        </button>
      </form>
      <IgnoredParams
        errors={errors.map((e) => ({
          ...e,
          kind: ignoredKind(e.param, e.message),
          max: e.param === "user" ? 254 : 100,
        }))}
      />
      <TableBox
        caption={t("table.caption")}
        after={rows.length === 0 ? <p className="p-6 text-center text-sm text-slate-600">{t("empty")}</p> : null}
        columns={[
          t("table.when", { timeZone }),
          t("table.who"),
          t("table.action"),
          t("table.target"),
          t("table.details"),
        ]}
      >
        <tbody className="divide-y divide-slate-100">
          {rows.map((e) => (
            <tr key={e.id.toString()} data-testid="audit-row">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{fmt.dateTime(e.at)}</td>
              <td className="px-3 py-2">{e.actorEmail ?? "–"}</td>
              <td className="px-3 py-2">
                <span data-testid="audit-action">{actionLabel(e.action)}</span>
                {actionLabel(e.action) !== e.action ? (
                  <span className="block font-mono text-[11px] text-slate-500">{e.action}</span>
                ) : null}
              </td>
              <td className="px-3 py-2">{e.target ?? "–"}</td>
              <td className="px-3 py-2">
                <AuditDetails details={e.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </TableBox>
      <KeysetPager
        label={tv("audit.older")}
        first={filters.before || filters.after ? at("") : null}
        previous={prev ? at(`after=${prev}`) : null}
        next={next ? at(`before=${next}`) : null}
      />
    </div>
  );
}

function ignoredKind(param: string, message: string): IgnoredKind {
  if (param === "to" && message.includes("before from")) return "reversed";
  if (param === "from" || param === "to") return "date";
  if (param === "before") return "id";
  return param === "user" || param === "action" ? "text" : "other";
}
