import type { ReactNode } from "react";
import { BackLink } from "./back-link";

/** A page about one item of a list: the link back to the list at its top, then the page. */
export function DetailPage({ back, children }: { back: { href: string; label: ReactNode }; children: ReactNode }) {
  return (
    <div className="max-w-5xl space-y-4">
      <BackLink href={back.href} underline="always">
        {back.label}
      </BackLink>
      {children}
    </div>
  );
}
