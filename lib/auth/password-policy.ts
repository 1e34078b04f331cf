import { MIN_PASSWORD_LENGTH } from "./password";

/**
 * What a new password must be (NIST SP 800-63B: length over composition rules,
 * and never a password that is easy to guess for this account): at least
 * MIN_PASSWORD_LENGTH characters, not mostly one character, not the email or
 * name, not a well-known password, not the current one (checked by the caller).
 */
export type PasswordProblem = "too_short" | "too_long" | "too_simple" | "personal" | "common";

// The start of every breached-password top list, and this product's own words.
const COMMON = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "password1234",
  "passw0rd",
  "qwertyuiop",
  "qwerty123",
  "1234567890",
  "12345678910",
  "123456789a",
  "iloveyou12",
  "abc1234567",
  "administrator",
  "changeme123",
  "letmein123",
  "welcome123",
  "lvr-demo-2026",
  "lvrconsole",
  "lvr-console",
  "1qaz2wsx3edc",
  "qazwsxedc123",
  "a1234567890",
  "woaini1314",
]);

export function passwordProblem(password: string, account: { email: string; name?: string }): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "too_short";
  if (password.length > 1024) return "too_long";
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return "too_simple";
  const local = account.email.toLowerCase().split("@")[0] ?? "";
  const name = account.name?.toLowerCase().replace(/\s+/g, "") ?? "";
  if (
    lower === account.email.toLowerCase() ||
    (local.length >= 4 && lower.includes(local)) ||
    (name.length >= 4 && lower.replace(/\s+/g, "").includes(name))
  )
    return "personal";
  if (COMMON.has(lower) || COMMON.has(lower.replace(/[!.\s]+$/, ""))) return "common";
  return null;
}
