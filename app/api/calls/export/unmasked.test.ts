import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionFor } from "@/lib/auth/test-session";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { GET } from "./route";

const JOB = 660_000_000_000_202n;
const PHONE = "13912340202";
const NAME = "王小明";

beforeAll(async () => {
  await prisma.callRecord.create({
    data: {
      callRecordId: 4_600_000_000_000n,
      robotCallJobId: JOB,
      resultStatus: "ANSWERED",
      source: "seed",
      contentHash: "0".repeat(64),
      name: NAME,
      calledPhoneNumber: PHONE,
    },
  });
});
afterAll(() => disconnectPrisma());

async function exportAs(role: "operator" | "reviewer" | "supervisor", unmasked: boolean) {
  const s = await sessionFor(role);
  const res = await GET(
    new Request(`http://localhost/api/calls/export?job=${JOB}${unmasked ? "&unmasked=true&reason=audit+check" : ""}`, {
      headers: { cookie: `${SESSION_COOKIE}=${s.token}` },
    }),
    undefined,
  );
  return { res, s };
}

describe("the unmasked CSV export", () => {
  it.each(["operator", "reviewer"] as const)(
    "is refused to a %s, and the masked one holds no full number or name",
    async (role) => {
      const { res } = await exportAs(role, true);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain(PHONE);
      const masked = await exportAs(role, false);
      const csv = await masked.res.text();
      expect(csv).toContain("139****0202");
      expect(csv).not.toContain(PHONE);
      expect(csv).not.toContain(NAME);
    },
  );

  it("is a supervisor's, on the audit trail before a byte of it is read", async () => {
    const { res, s } = await exportAs("supervisor", true);
    expect(res.status).toBe(200);
    const before = await prisma.auditEvent.findMany({ where: { actorId: s.userId }, select: { action: true } });
    expect(before.map((e) => e.action)).toEqual(["pii.export"]);
    expect(await res.text()).toContain(PHONE);
  });
});

describe("the masked CSV export", () => {
  it("masks the number and the name where the sender repeated them (properties, link)", async () => {
    const id = 4_600_000_000_000_010n;
    await prisma.callRecord.create({
      data: {
        callRecordId: id,
        robotCallJobId: JOB + 1n,
        resultStatus: "ANSWERED",
        source: "seed",
        contentHash: "0".repeat(64),
        name: NAME,
        calledPhoneNumber: PHONE,
        properties: JSON.stringify({ note: `call ${NAME} on ${PHONE}`, other: "13800001111" }),
        fullAudioUrl: `https://rec.example/${PHONE}.mp3`,
      },
    });
    const s = await sessionFor("operator");
    const res = await GET(
      new Request(`http://localhost/api/calls/export?job=${JOB + 1n}`, {
        headers: { cookie: `${SESSION_COOKIE}=${s.token}` },
      }),
      undefined,
    );
    const csv = await res.text();
    expect(csv).toContain('"{""note"":""call 王** on 139****0202"",""other"":""138****1111""}"');
    expect(csv).toContain("https://rec.example/139****0202.mp3");
    for (const full of [PHONE, NAME, "13800001111"]) expect(csv).not.toContain(full);
  });
});
