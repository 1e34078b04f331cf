import { describe, expect, it, vi } from "vitest";
import { prisma } from "../db/client";
import { SESSION_COOKIE } from "./sessions";
import { sessionFor } from "./test-session";

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers(),
}));
const privacy = await import("../privacy/actions");
const submissions = await import("../submissions/actions");
const account = await import("../account/actions");
const exportRoute = await import("@/app/api/calls/export/route");

const age = (userId: bigint, minutes: number) =>
  prisma.session.updateMany({ where: { userId }, data: { authenticatedAt: new Date(Date.now() - minutes * 60_000) } });
const unmaskedExport = (t: string) =>
  exportRoute.GET(
    new Request("http://x/api/calls/export?job=1&unmasked=true&reason=court%20request", {
      headers: { cookie: `${SESSION_COOKIE}=${t}` },
    }),
    undefined,
  );

describe("recent authentication for sensitive actions", () => {
  it("asks again before revealing a number, exporting unmasked or resending accepted records when the last proof is old", async () => {
    const me = await sessionFor("supervisor");
    token = me.token;
    await age(me.userId, 16);
    expect(await privacy.revealContact({ callRecordId: "999999999", reason: "checking a dispute" })).toMatchObject({
      ok: false,
      code: "reauth_required",
    });
    expect(
      await submissions.submitRecords({ selection: { type: "ids", ids: ["999999999"] }, resendAccepted: true }),
    ).toMatchObject({ ok: false, code: "reauth_required" });
    // Without resending accepted records, sending is not asked again.
    expect(await submissions.submitRecords({ selection: { type: "ids", ids: ["999999999"] } })).not.toMatchObject({
      code: "reauth_required",
    });
    const refused = await unmaskedExport(me.token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: {
        code: "reauth_required",
        details: {
          confirmUrl: `/account/confirm?next=${encodeURIComponent("/api/calls/export?job=1&unmasked=true&reason=court%20request")}`,
        },
      },
    });

    expect(await account.confirmIdentity({ secret: "correct horse battery" })).toMatchObject({ ok: true });
    expect(await privacy.revealContact({ callRecordId: "999999999", reason: "checking a dispute" })).not.toMatchObject({
      code: "reauth_required",
    });
    expect((await unmaskedExport(me.token)).status).toBe(200);
  });
});
