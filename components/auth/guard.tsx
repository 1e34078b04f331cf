import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current";
import type { Permission } from "@/lib/auth/permissions";
import { parseInt64Id } from "@/lib/input/schema";

/**
 * The checks of a page that decide its HTTP status, run in a layout: a
 * layout renders before the page's loading boundary, so a redirect to
 * sign-in (307), a forbidden page (403) or a missing thing (404) is answered
 * with its real status instead of a 200 whose body says so. The pages keep
 * their own checks (a layout is not re-run on every client navigation).
 */
export async function Guard({
  permission,
  exists,
  id,
  children,
}: {
  permission: Permission;
  id?: string;
  exists?: (id: bigint) => Promise<boolean>;
  children: ReactNode;
}) {
  await requireUser(permission);
  if (id !== undefined) {
    const parsed = parseInt64Id(id);
    if (parsed === null || (exists && !(await exists(parsed)))) notFound();
  }
  return <>{children}</>;
}

/**
 * The layout of a page about one thing (`[id]` in its path, or the segment
 * named `param`): the permission, and a 404 when the id names nothing (`exists`).
 */
export function guardedByIdLayout<K extends string = "id">(
  permission: Permission,
  exists: (id: bigint) => Promise<boolean>,
  param: K = "id" as K,
) {
  return async function IdLayout({ children, params }: { children: ReactNode; params: Promise<Record<K, string>> }) {
    return (
      <Guard permission={permission} id={(await params)[param]} exists={exists}>
        {children}
      </Guard>
    );
  };
}
