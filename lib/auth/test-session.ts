import { prisma } from "../db/client";
import { hashPassword } from "./password";
import type { Role } from "./permissions";
import { createSession } from "./sessions";

/** A user of `role` with a live session, for tests: returns the cookie token. */
export async function sessionFor(
  role: Role,
  tag = Math.random().toString(36).slice(2, 8),
): Promise<{ token: string; userId: bigint; email: string }> {
  const email = `${role}-${tag}@test.local`;
  const user = await prisma.user.create({
    data: { email, name: `${role} ${tag}`, role, passwordHash: await hashPassword("correct horse battery") },
  });
  const { token } = await createSession(user.id);
  return { token, userId: user.id, email };
}
