import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

export default function AuditLayout({ children }: { children: ReactNode }) {
  return <Guard permission="audit:read">{children}</Guard>;
}
