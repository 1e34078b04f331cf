import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (OWASP's recommended minimums or above). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable here) */ });
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 10;

/**
 * The user columns a new password sets, whoever sets it (the user, a reset
 * link): the hash, no pending change or reset link, and when.
 */
export async function newPasswordColumns(password: string) {
  const now = new Date();
  return {
    passwordHash: await hashPassword(password),
    mustChangePassword: false,
    passwordChangedAt: now,
    resetTokenHash: null,
    resetExpiresAt: null,
    updatedAt: now,
  };
}
