"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/calls", key: "calls" },
  { href: "/jobs", key: "jobs" },
  { href: "/submissions", key: "submissions" },
  { href: "/review", key: "review" },
] as const;
const REVIEWER_ITEMS = [{ href: "/quality", key: "quality" }] as const;
const SUPERVISOR_ITEMS = [
  { href: "/reconciliation", key: "reconciliation" },
  { href: "/legal-holds", key: "legalHolds" },
  { href: "/rules", key: "rules" },
] as const;
const ADMIN_ITEMS = [
  { href: "/admin/users", key: "users" },
  { href: "/audit", key: "audit" },
  { href: "/admin/retention", key: "retention" },
  { href: "/admin/alerts", key: "alerts" },
  { href: "/admin/phrase-rules", key: "phraseRules" },
  { href: "/admin/scorecards", key: "scorecards" },
] as const;

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
  return (
    <nav aria-label={t("label")}>
      <ul className="flex gap-1">
        {[
          ...ITEMS,
          ...(reviewer ? REVIEWER_ITEMS : []),
          ...(supervisor ? SUPERVISOR_ITEMS : []),
          ...(admin ? ADMIN_ITEMS : []),
        ].map((item) => {
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
