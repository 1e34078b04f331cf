import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";
import { callRecordExists } from "@/lib/call-records/query/data";

export default async function CallRecordLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  return (
    <Guard permission="calls:read" id={(await params).id} exists={callRecordExists}>
      {children}
    </Guard>
  );
}
