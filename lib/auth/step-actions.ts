"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeLocalPath } from "../http/safe-redirect";
import { clientAddress, currentSession } from "./current";
import { setPasswordWithLink } from "./reset-link";
import { completeSecondFactor } from "./second-factor";
import { SESSION_COOKIE, sessionForToken } from "./sessions";
import { STEP_PATHS } from "./steps";

export type SecondFactorState = { code?: "invalid" | "locked" | "expired"; lockedUntil?: string; maxFailures?: number };

/** The sign-in's second step (progressive form action): the TOTP or a recovery code after the password. */
export async function secondFactorAction(_prev: SecondFactorState, form: FormData): Promise<SecondFactorState> {
  const parsed = z
    .object({ code: z.string().trim().min(1).max(40), next: z.string().max(2000).optional() })
    .safeParse(Object.fromEntries(form));
  if (!parsed.success) return { code: "invalid" };
  const session = await currentSession();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!session || !token || session.step !== "second_factor") return { code: "expired" };
  const result = await completeSecondFactor(
    token,
    session.user.id,
    session.user.email,
    parsed.data.code,
    await clientAddress(),
  );
  if (!result.ok) {
    if (result.code === "locked")
      return { code: "locked", lockedUntil: result.lockedUntil.toISOString(), maxFailures: result.maxFailures };
    return { code: "invalid" };
  }
  const next = safeLocalPath(parsed.data.next);
  // currentSession() is cached for the request: read the session again after the step.
  const after = (await sessionForToken(token))?.step;
  // The session changed without a new cookie: the root layout (the header with the signed-in
  // user) must be drawn again, not kept from the half-signed-in page.
  revalidatePath("/", "layout");
  redirect(after ? `${STEP_PATHS[after]}?next=${encodeURIComponent(next)}` : next);
}

export type SetPasswordState = { code?: string; done?: boolean };

/** The set-password link's form (no session: the link is the proof). */
export async function setPasswordWithLinkAction(_prev: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  const parsed = z
    .object({ token: z.string().max(200), password: z.string().min(1).max(1024), confirm: z.string().max(1024) })
    .safeParse(Object.fromEntries(form));
  if (!parsed.success) return { code: "password_too_short" };
  if (parsed.data.password !== parsed.data.confirm) return { code: "password_mismatch" };
  const result = await setPasswordWithLink(parsed.data.token, parsed.data.password, await clientAddress());
  if (!result.ok) return { code: result.code };
  redirect("/sign-in?password=set");
}
