import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BatchDetail } from "@/components/submissions/batch-detail";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { failureGroups, getBatch } from "@/lib/submissions/data";
import { batchView } from "@/lib/submissions/views";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: (await getTranslations("submissions"))("batchTitle", { id: (await params).id }) };
}

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("calls:read");
  const { id } = await params;
  if (!/^\d{1,19}$/.test(id)) notFound();
  const batch = await getBatch(BigInt(id));
  if (!batch) notFound();
  return (
    <BatchDetail
      initial={{ batch: batchView(batch), failures: await failureGroups(batch.id) }}
      canControl={can(user.role, "submissions:write")}
      canFix={can(user.role, "submissions:write") && can(user.role, "calls:correct")}
    />
  );
}
