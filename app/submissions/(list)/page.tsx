import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { JobsTable } from "@/components/jobs/jobs-table";
import { BatchList } from "@/components/submissions/batch-list";
import { listBatches } from "@/lib/submissions/data";
import { batchView } from "@/lib/submissions/views";
import { JOB_SORTS, listJobs } from "@/lib/jobs/data";
import { jobNames } from "@/lib/jobs/names";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("submissions"))("title") };
}

const paramsSchema = z.object({ sort: z.enum(JOB_SORTS).catch("last_call") });

export default async function SubmissionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("calls:read");
  const { sort } = paramsSchema.parse(await searchParams);
  const [jobs, batches] = await Promise.all([listJobs(sort), listBatches(50)]);
  const names = await jobNames(jobs.map((j) => j.jobId));
  const t = await getTranslations("submissions");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <h2 className="font-semibold">{t("batches")}</h2>
      <BatchList initial={batches.map(batchView)} />
      <h2 className="font-semibold">{t("byJob")}</h2>
      {jobs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {t("noRecords")}
        </p>
      ) : (
        <JobsTable
          jobs={jobs}
          sort={sort}
          mode="submission"
          canSubmit={can(user.role, "submissions:write")}
          names={names}
        />
      )}
    </div>
  );
}
