import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/sessions";
import { parseInt64Id } from "@/lib/input/schema";

/**
 * For a page under a `[id]` segment: the signed-in user with `permission`
 * (checked first, before anything is read), and the record the id names,
 * read by `get`. A malformed id or one that names nothing is a 404.
 */
export async function requirePageRecord<T>(
  permission: Permission,
  params: Promise<{ id: string }>,
  get: (id: bigint) => Promise<T | null>,
): Promise<{ user: SessionUser; record: T }> {
  const user = await requireUser(permission);
  const id = parseInt64Id((await params).id);
  const record = id === null ? null : await get(id);
  if (!record) notFound();
  return { user, record };
}
