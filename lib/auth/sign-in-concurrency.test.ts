import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { hashPassword } from "./password";
import { PER_ADDRESS, signIn } from "./sign-in";

// LOGIN_MAX_FAILURES is 5 in tests (the default).
const MAX = 5;
const RIGHT = "correct horse battery";

async function user(tag: string) {
  const email = `concurrent-${tag}-${Math.random().toString(36).slice(2, 7)}@test.local`;
  return prisma.user.create({ data: { email, name: tag, role: "operator", passwordHash: await hashPassword(RIGHT) } });
}

const codeOf = (a: Awaited<ReturnType<typeof signIn>>) => (a.ok ? "ok" : a.code);

/** `n` attempts at once, each from an address of its own (the per-address limit is another test's). */
function burst(email: string, passwords: string[], net: string) {
  return Promise.all(passwords.map((p, i) => signIn(email, p, `${net}.${i + 1}`)));
}

describe("signIn under concurrent attempts", () => {
  it("counts every one of 20 concurrent wrong passwords, checks at most the limit, and then refuses the right one", async () => {
    const u = await user("count");
    const answers = await burst(
      u.email,
      Array.from({ length: 20 }, (_, i) => `wrong ${i}`),
      "10.31.0",
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(20);
    expect(answers.filter((a) => codeOf(a) === "invalid")).toHaveLength(MAX);
    expect(answers.filter((a) => codeOf(a) === "locked")).toHaveLength(20 - MAX);
    expect(await signIn(u.email, RIGHT, "10.31.1.1")).toMatchObject({ ok: false, code: "locked" });
  }, 60_000);

  it("lets at most the limit's passwords be checked when the right one is in a burst of guesses", async () => {
    const u = await user("mixed");
    const passwords = Array.from({ length: 18 }, (_, i) => `wrong ${i}`);
    passwords.splice(9, 0, RIGHT);
    const answers = await burst(u.email, passwords, "10.32.0");
    // Checked = answered "invalid" or signed in; everything else was refused before the hash.
    const checked = answers.filter((a) => ["ok", "invalid"].includes(codeOf(a))).length;
    // A success clears the count only if nothing was counted while its hash was checked
    // (lib/auth/lockout.ts); then it was the whole burst so far, and what came after it counts
    // afresh, as after any sign-in. Whatever the order, no success refunds a guess counted beside it.
    const cleared = passwords.length - (await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins;
    expect(cleared).toBeLessThanOrEqual(MAX);
    expect(checked).toBeLessThanOrEqual(MAX + cleared);
    if (cleared === 0) expect(answers.filter((a) => codeOf(a) === "locked").length).toBeGreaterThanOrEqual(19 - MAX);
  }, 60_000);

  it("answers an email without an account exactly like an account: invalid, then locked after the limit", async () => {
    const known = await user("known");
    const unknown = `nobody-${Math.random().toString(36).slice(2, 7)}@test.local`;
    const k = await burst(
      known.email,
      Array.from({ length: 8 }, (_, i) => `wrong ${i}`),
      "10.33.0",
    );
    const n = await burst(
      unknown,
      Array.from({ length: 8 }, (_, i) => `wrong ${i}`),
      "10.33.1",
    );
    const shape = (answers: typeof k) => answers.map(codeOf).sort();
    expect(shape(n)).toEqual(shape(k));
    expect(shape(n).filter((c) => c === "locked")).toHaveLength(8 - MAX);
    const later = [await signIn(known.email, RIGHT, "10.33.2.1"), await signIn(unknown, RIGHT, "10.33.2.2")];
    expect(later.map(codeOf)).toEqual(["locked", "locked"]);
    // Same words: only the time may differ.
    const words = (a: (typeof later)[number]) => (a.ok ? "" : a.message.replace(/\d\d:\d\d/, "HH:MM"));
    expect(words(later[1]!)).toBe(words(later[0]!));
  }, 60_000);

  it("processes exactly the per-address limit of 40 concurrent attempts from one address", async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(`nobody-burst-${i}@test.local`, "x", "10.34.0.1")),
    );
    expect(answers.filter((a) => codeOf(a) !== "rate_limited")).toHaveLength(PER_ADDRESS);
  }, 60_000);
});
