import { z } from "zod";
import { JobsTable } from "@/components/jobs/jobs-table";
import { BatchList } from "@/components/submissions/batch-list";
import { listBatches } from "@/lib/submissions/data";
import { batchView } from "@/lib/submissions/views";
import { JOB_SORTS, listJobs } from "@/lib/jobs/data";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Submissions" };

const paramsSchema = z.object({ sort: z.enum(JOB_SORTS).catch("last_call") });

export default async function SubmissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("calls:read");
  const { sort } = paramsSchema.parse(await searchParams);
  const [jobs, batches] = await Promise.all([listJobs(sort), listBatches(50)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">Submissions</h1>
      <p className="text-sm text-slate-600">Where each job&apos;s call records stand with the legal platform, judged by the platform&apos;s answer (LvmsResultDto), not by HTTP status.</p>
      <h2 className="font-semibold">Batches</h2>
      <BatchList initial={batches.map(batchView)} />
      <h2 className="font-semibold">Progress by job</h2>
      {jobs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">No call records yet.</p>
      ) : (
        <JobsTable jobs={jobs} sort={sort} mode="submission" canSubmit={can(user.role, "submissions:write")} />
      )}
    </div>
  );
}
