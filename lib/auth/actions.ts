"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import { safeLocalPath } from "../http/safe-redirect";
import { clientAddress, currentSession } from "./current";
import { SESSION_COOKIE, deleteSession, sessionCookieOptions, sessionForToken } from "./sessions";
import { signIn } from "./sign-in";
import { STEP_PATHS } from "./steps";

const signInSchema = z.object({
  email: z.string().trim().email("Enter an email address").max(254),
  password: z.string().min(1, "Enter the password").max(1024),
  next: z.string().max(2000).optional(),
});

/** `code` lets the form say the error in the user's language; `error` is the English fallback. */
export type SignInState = {
  error?: string;
  code?: "invalid" | "locked" | "rate_limited" | "password_off" | "email" | "password";
  lockedUntil?: string;
  maxFailures?: number;
  email?: string;
};

/** The sign-in form's action (progressive: works without JavaScript). */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      error: issue?.message ?? "Invalid input",
      code: issue?.path[0] === "password" ? "password" : "email",
      email: String(form.get("email") ?? ""),
    };
  }
  const result = await signIn(
    parsed.data.email,
    parsed.data.password,
    await clientAddress(),
    (await headers()).get("user-agent"),
  );
  if (!result.ok) {
    const locked =
      result.code === "locked"
        ? { lockedUntil: result.lockedUntil.toISOString(), maxFailures: result.maxFailures }
        : {};
    return { error: result.message, code: result.code, ...locked, email: parsed.data.email };
  }
  (await cookies()).set(SESSION_COOKIE, result.token, sessionCookieOptions(result.expiresAt));
  // Only paths on the console: never send people elsewhere after signing in.
  const next = safeLocalPath(parsed.data.next);
  // A step still owed (second factor, own password, enrolment) comes first.
  const step = (await sessionForToken(result.token))?.step;
  redirect(step ? `${STEP_PATHS[step]}?next=${encodeURIComponent(next)}` : next);
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  const user = (await currentSession())?.user;
  if (token) await deleteSession(token);
  jar.delete(SESSION_COOKIE);
  if (user) await recordAudit({ actor: { id: user.id, email: user.email }, action: "sign_out" });
  redirect("/sign-in");
}
