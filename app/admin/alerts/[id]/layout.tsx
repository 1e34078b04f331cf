import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";
import { getChannel } from "@/lib/alerts/data";

export default async function AlertChannelLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  return (
    <Guard permission="alerts:manage" id={id} exists={async (n) => (await getChannel(n)) !== null}>
      {children}
    </Guard>
  );
}
