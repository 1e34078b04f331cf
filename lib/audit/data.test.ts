import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { auditFiltersSchema, listAuditEvents } from "./data";

describe("audit trail paging", () => {
  it("pages to older events and back to newer ones (keyset both ways)", async () => {
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({ action: "test.paging", target: `t${i}` })),
    });
    const f = auditFiltersSchema.parse({ action: "test.paging" });
    const p1 = await listAuditEvents(f, 10);
    expect(p1.prev).toBeNull();
    const p2 = await listAuditEvents({ ...f, before: p1.next! }, 10);
    const p3 = await listAuditEvents({ ...f, before: p2.next! }, 10);
    expect(p3.rows).toHaveLength(5);
    expect(p3.next).toBeNull();
    const back = await listAuditEvents(auditFiltersSchema.parse({ action: "test.paging", after: p3.prev! }), 10);
    expect(back.rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));
    const first = await listAuditEvents({ ...f, after: back.prev! }, 10);
    expect(first.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(first.prev).toBeNull();
  });
});
