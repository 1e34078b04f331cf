"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The links in their order; one with a `role` is shown only to a user who has that role's rights. */
const ITEMS = [
  { href: "/calls", key: "calls" },
  { href: "/jobs", key: "jobs" },
  { href: "/submissions", key: "submissions" },
  { href: "/review", key: "review" },
  { href: "/quality", key: "quality", role: "reviewer" },
  { href: "/reconciliation", key: "reconciliation", role: "supervisor" },
  { href: "/legal-holds", key: "legalHolds", role: "supervisor" },
  { href: "/rules", key: "rules", role: "supervisor" },
  { href: "/admin/users", key: "users", role: "admin" },
  { href: "/audit", key: "audit", role: "admin" },
  { href: "/admin/retention", key: "retention", role: "admin" },
  { href: "/admin/alerts", key: "alerts", role: "admin" },
  { href: "/admin/phrase-rules", key: "phraseRules", role: "admin" },
  { href: "/admin/scorecards", key: "scorecards", role: "admin" },
] as const satisfies readonly { href: string; key: string; role?: "reviewer" | "supervisor" | "admin" }[];

/** Supervisor and admin links are shown to those roles; the pages check the role themselves. */
export function MainNav({
  admin,
  supervisor = admin,
  reviewer = supervisor,
}: {
  admin: boolean;
  supervisor?: boolean;
  reviewer?: boolean;
}) {
  const t = useTranslations("shell.nav");
  const pathname = usePathname();
  const shown = { reviewer, supervisor, admin };
  return (
    <nav aria-label={t("label")}>
      <ul className="flex gap-1">
        {ITEMS.filter((item) => !("role" in item) || shown[item.role]).map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`rounded px-3 py-1.5 text-sm font-medium ${active ? "bg-sky-50 text-sky-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
              >
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
