import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

export default function SubmissionsLayout({ children }: { children: ReactNode }) {
  return <Guard permission="calls:read">{children}</Guard>;
}
