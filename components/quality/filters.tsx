import { getTranslations } from "next-intl/server";

/** A plain GET form: the URL is the page's state, so it can be bookmarked and shared. */
export async function QualityFilters({ from, to, job }: { from: string; to: string; job: string }) {
  const t = await getTranslations("quality");
  return (
    <form
      method="get"
      action="/quality"
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
    >
      <label className="flex flex-col gap-1">
        {t("from")}
        <input type="date" name="from" defaultValue={from} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        {t("to")}
        <input type="date" name="to" defaultValue={to} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        {t("job")}
        <input
          name="job"
          defaultValue={job}
          inputMode="numeric"
          placeholder={t("allJobs")}
          className="w-56 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800">
        {t("apply")}
      </button>
    </form>
  );
}
