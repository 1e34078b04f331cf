import { describe, expect, it } from "vitest";
import { changeOwnPassword, reauthenticate } from "../account/mutations";
import { prisma } from "../db/client";
import { clearCountAfter, countAttempt } from "./lockout";
import { hashPassword } from "./password";
import { completeSecondFactor, consumeSecondFactor } from "./second-factor";
import { createSession, userForToken } from "./sessions";
import { signIn } from "./sign-in";

// LOGIN_MAX_FAILURES is 5 in tests (the default).
const MAX = 5;
const RIGHT = "correct horse battery";

async function person(tag: string) {
  const email = `lockout-${tag}-${Math.random().toString(36).slice(2, 7)}@test.local`;
  return prisma.user.create({ data: { email, name: tag, role: "operator", passwordHash: await hashPassword(RIGHT) } });
}
const countOf = async (id: bigint) => (await prisma.user.findUniqueOrThrow({ where: { id } })).failedLogins;
const audited = async (email: string, action: string) => prisma.auditEvent.count({ where: { target: email, action } });

/** A signed-in account, as an action sees it: the user and the request context of its session. */
async function signedIn(tag: string, address: string) {
  const u = await person(tag);
  const { token } = await createSession(u.id);
  const user = (await userForToken(token))!;
  const { id: sessionId } = await prisma.session.findFirstOrThrow({ where: { userId: u.id } });
  return { u, user, ctx: { sessionId, address } };
}

/** 20 concurrent wrong proofs: the limit's worth answered "wrong_password" (and audited as failed), the rest "locked". */
async function expectLimitChecked(attempt: (i: number) => Promise<unknown>, failuresAudited: () => Promise<number>) {
  const answers = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => attempt(i)));
  const codes = answers.map((a) => (a.status === "rejected" ? (a.reason as { code?: string }).code : "ok"));
  expect(codes.filter((c) => c === "wrong_password")).toHaveLength(MAX);
  expect(codes.filter((c) => c === "locked")).toHaveLength(20 - MAX);
  expect(await failuresAudited()).toBe(MAX);
}

describe("the lockout count shared by every proof", () => {
  it("a success clears the count only when no attempt was counted while it was being checked", async () => {
    const u = await person("refund");
    // The right password is counted first; five guesses are counted while its hash is checked.
    const right = await countAttempt(u.id);
    for (let i = 0; i < MAX; i++) await countAttempt(u.id);
    expect((await clearCountAfter(u.id, right!)).count).toBe(0);
    expect(await countOf(u.id)).toBe(MAX + 1);
    expect(await signIn(u.email, RIGHT, "10.36.0.1")).toMatchObject({ ok: false, code: "locked" });

    const alone = await person("alone");
    const only = await countAttempt(alone.id);
    expect((await clearCountAfter(alone.id, only!)).count).toBe(1);
    expect(await countOf(alone.id)).toBe(0);
  });

  it("20 concurrent wrong second-factor codes: at most the limit are checked, the rest refused", async () => {
    const u = await person("codes");
    const { token } = await createSession(u.id, { pendingSecondFactor: true });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        completeSecondFactor(token, u.id, u.email, String(100000 + i), `10.37.0.${i + 1}`),
      ),
    );
    expect(await countOf(u.id)).toBe(20);
    const checked =
      (await audited(u.email, "sign_in.second_factor_failed")) + (await audited(u.email, "sign_in.lockout"));
    expect(checked).toBe(MAX);
    expect(await audited(u.email, "sign_in.locked")).toBe(20 - MAX);
    expect(answers.filter((a) => !a.ok && a.code === "invalid")).toHaveLength(MAX - 1);
  }, 60_000);

  it("20 concurrent wrong passwords to re-authenticate: at most the limit are checked, the rest refused", async () => {
    const { u, user, ctx } = await signedIn("reauth", "10.38.0.1");
    await expectLimitChecked(
      (i) => reauthenticate(user, `wrong ${i}`, ctx, consumeSecondFactor),
      () => audited(u.email, "reauth.failed"),
    );
    await expect(reauthenticate(user, RIGHT, ctx, consumeSecondFactor)).rejects.toMatchObject({ code: "locked" });
  }, 60_000);

  it("20 concurrent password changes with a wrong current password: at most the limit are checked", async () => {
    const { u, user, ctx } = await signedIn("change", "10.39.0.1");
    await expectLimitChecked(
      (i) => changeOwnPassword(user, { current: `wrong ${i}`, next: "a much longer new pass 2026" }, ctx),
      () => audited(u.email, "password.change_failed"),
    );
  }, 60_000);
});
