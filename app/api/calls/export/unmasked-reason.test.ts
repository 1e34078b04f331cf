import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionFor } from "@/lib/auth/test-session";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { GET } from "./route";

const JOB = 735_000_000_000_001n;
let cookie = "";
let email = "";

beforeAll(async () => {
  const s = await sessionFor("supervisor");
  cookie = `${SESSION_COOKIE}=${s.token}`;
  email = s.email;
  await prisma.callRecord.create({
    data: {
      callRecordId: 735_000_001n,
      robotCallJobId: JOB,
      source: "seed",
      contentHash: "0".repeat(64),
      name: "王小明",
      calledPhoneNumber: "13812345678",
    },
  });
});
afterAll(() => disconnectPrisma());

const get = (query: string) =>
  GET(new Request(`http://localhost/api/calls/export?${query}`, { headers: { cookie } }), undefined);

describe("unmasked export", () => {
  it("asks for a reason (400 naming the parameter) and puts it on the audit trail with the export", async () => {
    const refused = await get(`job=${JOB}&unmasked=true`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: "reason_required", details: [{ param: "reason" }] } });

    const res = await get(`job=${JOB}&unmasked=true&reason=${encodeURIComponent("court request 2026-118")}`);
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain("13812345678");
    expect(csv).toContain("王小明");
    const event = await prisma.auditEvent.findFirst({
      where: { action: "calls.export", actorEmail: email },
      orderBy: { id: "desc" },
    });
    expect(event?.details).toMatchObject({ masked: false, reason: "court request 2026-118", rows: 1 });
    expect((event?.details as { filter: string }).filter).not.toContain("reason");
  });
});
