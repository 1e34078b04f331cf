import { describe, expect, it, vi } from "vitest";
import { prisma } from "../db/client";
import { createSession, SESSION_COOKIE } from "./sessions";
import { sessionFor } from "./test-session";

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers({ "x-lvr-path": "/calls?job=1" }),
}));

async function outcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return "rendered";
  } catch (err) {
    const digest = (err as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    throw err;
  }
}
const sp = (next?: string) => ({ searchParams: Promise.resolve(next ? { next } : {}) });
const verifyPage = async () => (await import("@/app/sign-in/verify/page")).default(sp("/jobs"));
const newPasswordPage = async () => (await import("@/app/sign-in/new-password/page")).default(sp("/jobs"));
const enrolPage = async () => (await import("@/app/sign-in/two-factor/page")).default(sp("/jobs"));
const callsPage = async () => (await import("@/app/calls/(list)/page")).default({ searchParams: Promise.resolve({}) });
const accountPage = async () => (await import("@/app/account/page")).default();

describe("sign-in step pages", () => {
  it("each is reachable only by a session owing that step, which reaches nothing else", async () => {
    token = undefined;
    expect(await outcome(verifyPage)).toBe("redirect /sign-in");
    const me = await sessionFor("operator");
    token = me.token;
    expect(await outcome(verifyPage)).toBe("redirect /jobs");
    expect(await outcome(accountPage)).toBe("rendered");

    await prisma.user.update({ where: { id: me.userId }, data: { mustChangePassword: true } });
    expect(await outcome(callsPage)).toBe("redirect /sign-in/new-password?next=%2Fcalls%3Fjob%3D1");
    expect(await outcome(accountPage)).toBe("redirect /sign-in/new-password?next=%2Fcalls%3Fjob%3D1");
    expect(await outcome(verifyPage)).toBe("redirect /sign-in/new-password?next=%2Fjobs");
    expect(await outcome(newPasswordPage)).toBe("rendered");

    const pending = await createSession(me.userId, { pendingSecondFactor: true });
    token = pending.token;
    expect(await outcome(newPasswordPage)).toBe("redirect /sign-in/verify?next=%2Fjobs");
    expect(await outcome(verifyPage)).toBe("rendered");
    expect(await outcome(enrolPage)).toBe("redirect /sign-in/verify?next=%2Fjobs");
  });
});
