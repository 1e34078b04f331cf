import { getTranslations } from "next-intl/server";
import { RetentionPolicyTable, RetentionRuns } from "@/components/retention/retention-tables";
import { RunRetentionNow } from "@/components/retention/run-now";
import { requireUser } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { listRuns, retentionPreview } from "@/lib/retention/data";
import { policyFromEnv } from "@/lib/retention/policy";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("retention"))("title") };
}

/** The retention policy, what a run started now would do (counted now), the runs so far, and "run now". */
export default async function RetentionPage() {
  await requireUser("retention:manage");
  const env = getEnv();
  const policy = policyFromEnv(env);
  const [preview, runs, t] = await Promise.all([retentionPreview(policy), listRuns(), getTranslations("retention")]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        <RunRetentionNow />
      </div>
      <p className="text-sm text-slate-600">{t("intro", { hour: env.RETENTION_HOUR, zone: env.DISPLAY_TIME_ZONE })}</p>
      <RetentionPolicyTable policy={policy} preview={preview} />
      <RetentionRuns runs={runs} />
    </div>
  );
}
