import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

export default function ReviewLayout({ children }: { children: ReactNode }) {
  return <Guard permission="calls:read">{children}</Guard>;
}
