import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";
import { jobExists } from "@/lib/jobs/data";

export default async function JobLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ jobId: string }>;
}) {
  return (
    <Guard permission="calls:read" id={(await params).jobId} exists={jobExists}>
      {children}
    </Guard>
  );
}
