import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApprovalPanel } from "@/components/approvals/approval-panel";
import { BatchDetail } from "@/components/submissions/batch-detail";
import { approvalOf } from "@/lib/approvals/data";
import { approvalView } from "@/lib/approvals/views";
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
  const [failures, approval] = await Promise.all([failureGroups(batch.id), approvalOf(batch.id)]);
  const view = batchView(batch);
  return (
    <BatchDetail
      initial={{ batch: view, failures }}
      canControl={can(user.role, "submissions:write")}
      canFix={can(user.role, "submissions:write") && can(user.role, "calls:correct")}
      approvalPanel={
        approval ? (
          <ApprovalPanel
            batch={view}
            approval={approvalView(approval)}
            canDecide={can(user.role, "submissions:approve")}
            isRequester={approval.requestedBy.toLowerCase() === user.email.toLowerCase()}
          />
        ) : null
      }
    />
  );
}
