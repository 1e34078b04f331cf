import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

export default function CallsLayout({ children }: { children: ReactNode }) {
  return <Guard permission="calls:read">{children}</Guard>;
}
