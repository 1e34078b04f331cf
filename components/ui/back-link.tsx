import Link from "next/link";
import type { ReactNode } from "react";

const LOOK = {
  hover: "text-sm text-sky-700 hover:underline",
  always: "text-sm text-sky-700 underline",
} as const;

/** The small link at the top of a page back to the list (or step) it came from, underlined always or on hover. */
export function BackLink({
  href,
  underline = "hover",
  children,
}: {
  href: string;
  underline?: keyof typeof LOOK;
  children: ReactNode;
}) {
  return (
    <Link href={href} className={LOOK[underline]}>
      {children}
    </Link>
  );
}
