import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <Guard permission="users:manage">{children}</Guard>;
}
