import { useTranslations } from "next-intl";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function Value({ value }: { value: Json }) {
  if (value === null) return <span className="text-slate-500">–</span>;
  if (typeof value === "object")
    return <pre className="whitespace-pre-wrap break-all font-mono text-xs">{JSON.stringify(value, null, 2)}</pre>;
  return <span className="break-all">{String(value)}</span>;
}

/** An event's details: a one-line summary, the whole of them (every key, nested values laid out) on demand. */
export function AuditDetails({ details }: { details: unknown }) {
  const t = useTranslations("views.audit");
  const entries =
    details && typeof details === "object" && !Array.isArray(details)
      ? Object.entries(details as Record<string, Json>)
      : [];
  if (entries.length === 0) return <span className="text-slate-500">–</span>;
  const summary = entries
    .slice(0, 3)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? "…" : String(v)}`)
    .join(" · ");
  return (
    <details className="group max-w-md" data-testid="audit-details">
      <summary className="cursor-pointer text-xs text-slate-700">
        <span className="group-open:hidden">{summary}</span>
        <span className="sr-only">{t("show")}</span>
        <span className="hidden font-medium group-open:inline">{t("hide")}</span>
      </summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {entries.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-mono text-slate-500">{k}</dt>
            <dd>
              <Value value={v} />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
