import { getTranslations } from "next-intl/server";
import { RuleForm } from "@/components/rules/rule-form";
import { requireUser } from "@/lib/auth/current";
import { SETTLE_DEFAULT_SECONDS } from "@/lib/rules/schema";
import type { SearchParams } from "@/components/ui/page-props";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("rules"))("newTitle") };
}

/** A new rule, its filter pre-filled from the calls page's "Create rule from this filter" (`?filter=`). */
export default async function NewRulePage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser("rules:write");
  const t = await getTranslations("rules");
  const filter = (await searchParams).filter;
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("newTitle")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <RuleForm
        canWrite
        initial={{
          name: "",
          filter: typeof filter === "string" ? filter.slice(0, 4000) : "",
          settleSeconds: SETTLE_DEFAULT_SECONDS,
          dailyCap: null,
          enabled: false,
        }}
      />
    </div>
  );
}
