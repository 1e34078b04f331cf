import type { ReactNode } from "react";
import { Guard } from "@/components/auth/guard";

/** Calibration is reviewers' work: an operator is refused with a 403 before the list or a session streams. */
export default function CalibrationLayout({ children }: { children: ReactNode }) {
  return <Guard permission="review:write">{children}</Guard>;
}
