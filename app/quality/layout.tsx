import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

export default function QualityLayout({ children }: { children: ReactNode }) {
  return <Guard permission="quality:read">{children}</Guard>;
}
