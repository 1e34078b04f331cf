import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";
import { getRule } from "@/lib/rules/data";

export default async function RuleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  return (
    <Guard permission="rules:read" id={id} exists={async (n) => (await getRule(n)) !== null}>
      {children}
    </Guard>
  );
}
