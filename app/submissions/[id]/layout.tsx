import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";
import { batchExists } from "@/lib/submissions/data";

export default async function BatchLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  return (
    <Guard permission="calls:read" id={(await params).id} exists={batchExists}>
      {children}
    </Guard>
  );
}
