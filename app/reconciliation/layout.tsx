import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

export default function ReconciliationLayout({ children }: { children: ReactNode }) {
  return <Guard permission="reconciliation:read">{children}</Guard>;
}
