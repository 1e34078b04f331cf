import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

export default function LegalHoldsLayout({ children }: { children: ReactNode }) {
  return <Guard permission="holds:read">{children}</Guard>;
}
