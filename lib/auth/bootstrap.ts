import "server-only";
import { prisma } from "../db/client";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";
import { DEMO_USERS } from "./demo-accounts";
import type { Role } from "./permissions";

export { DEMO_USERS } from "./demo-accounts";

/**
 * First start: an admin from ADMIN_EMAIL/ADMIN_PASSWORD when given, and in
 * the embedded demo one account per role. Existing accounts are left alone.
 */
export async function ensureBootstrapUsers(opts: {
  demo: boolean;
  demoPassword: string;
  adminEmail?: string;
  adminPassword?: string;
}): Promise<string[]> {
  const wanted: { email: string; name: string; role: Role; password: string }[] = [];
  if (opts.adminEmail) {
    if (!opts.adminPassword || opts.adminPassword.length < MIN_PASSWORD_LENGTH) {
      throw new Error(
        `ADMIN_PASSWORD must be set and at least ${MIN_PASSWORD_LENGTH} characters long when ADMIN_EMAIL is`,
      );
    }
    wanted.push({
      email: opts.adminEmail.trim().toLowerCase(),
      name: "Administrator",
      role: "admin",
      password: opts.adminPassword,
    });
  }
  if (opts.demo) for (const u of DEMO_USERS) wanted.push({ ...u, password: opts.demoPassword });

  const created: string[] = [];
  for (const u of wanted) {
    if (await prisma.user.findUnique({ where: { email: u.email }, select: { id: true } })) continue;
    await prisma.user.create({
      data: { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) },
    });
    created.push(u.email);
  }
  return created;
}
