import { notFound } from "next/navigation";
import { RecordDetail } from "@/components/calls/record-detail";
import { getCallRecordDetail } from "@/lib/call-records/data";
import { parseInt64 } from "@/lib/call-records/schema";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { recordAttempts } from "@/lib/submissions/data";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Call ${(await params).id}` };
}

export default async function CallRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("calls:read");
  const { id } = await params;
  const parsed = parseInt64(id);
  if (!parsed.ok) notFound();
  const record = await getCallRecordDetail(parsed.value);
  if (!record) notFound();
  const attempts = await recordAttempts(record.id);
  return <RecordDetail record={record} attempts={attempts} timeZone={getEnv().DISPLAY_TIME_ZONE} canSubmit={can(user.role, "submissions:write")} canReveal={can(user.role, "pii:reveal")} />;
}
