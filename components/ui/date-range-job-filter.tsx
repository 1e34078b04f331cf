/**
 * The report pages' filter (/quality, /reconciliation): a plain GET form of
 * `from`, `to` and `job`, so the URL is the page's state and can be
 * bookmarked and shared. Each page gives its path, its labels and the values
 * it parsed.
 */
export function DateRangeJobFilter({
  action,
  from,
  to,
  job,
  labels,
}: {
  action: string;
  from: string;
  to: string;
  /**
   * The jobs as one field, ids separated by spaces or commas. No `pattern`: the page's own parser says what is
   * wrong with a value, in its notice, and a one-id pattern refused the page's own several-job value.
   */
  job: string;
  labels: { from: string; to: string; job: string; allJobs: string; apply: string };
}) {
  return (
    <form
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
    >
      <label className="flex flex-col gap-1">
        {labels.from}
        <input type="date" name="from" defaultValue={from} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        {labels.to}
        <input type="date" name="to" defaultValue={to} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        {labels.job}
        <input
          name="job"
          defaultValue={job}
          inputMode="numeric"
          placeholder={labels.allJobs}
          className="w-56 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800">
        {labels.apply}
      </button>
    </form>
  );
}
