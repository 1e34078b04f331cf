"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/calls", label: "Calls" },
  { href: "/jobs", label: "Jobs" },
  { href: "/submissions", label: "Submissions" },
  { href: "/review", label: "Review" },
];
const ADMIN_ITEMS = [
  { href: "/admin/users", label: "Users" },
  { href: "/audit", label: "Audit" },
];

/** Admin links are shown to admins; the pages check the role themselves. */
export function MainNav({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex gap-1">
        {(admin ? [...ITEMS, ...ADMIN_ITEMS] : ITEMS).map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`rounded px-3 py-1.5 text-sm font-medium ${active ? "bg-sky-50 text-sky-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
