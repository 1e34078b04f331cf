import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

export default function RulesLayout({ children }: { children: ReactNode }) {
  return <Guard permission="rules:read">{children}</Guard>;
}
