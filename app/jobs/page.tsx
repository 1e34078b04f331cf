import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { JobsTable } from "@/components/jobs/jobs-table";
import { JOB_SORTS, jobMixes, listJobs } from "@/lib/jobs/data";
import { requireUser } from "@/lib/auth/current";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("jobs"))("title") };
}

const paramsSchema = z.object({ sort: z.enum(JOB_SORTS).catch("last_call") });

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("calls:read");
  const { sort } = paramsSchema.parse(await searchParams);
  const jobs = await listJobs(sort);
  const mixes = await jobMixes(jobs.map((j) => j.jobId));
  const t = await getTranslations("jobs");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      {jobs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <JobsTable jobs={jobs} sort={sort} mode="overview" mixes={mixes} />
      )}
    </div>
  );
}
