import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/audit/export/route";
import { sessionFor } from "../auth/test-session";
import { SESSION_COOKIE } from "../auth/sessions";
import { disconnectPrisma } from "../db/client";
import { listAuditEvents, parseAuditFilters } from "./data";

afterAll(() => disconnectPrisma());

describe("audit filters", () => {
  it("reports dates off the calendar, ids above int64 and NUL bytes instead of failing the page", async () => {
    for (const [q, param] of [
      ["from=2026-99-99", "from"],
      ["to=2026-02-30", "to"],
      ["before=9999999999999999999", "before"],
      ["user=%00", "user"],
      ["from=-271821-04-20T00:00:00Z", "from"],
    ] as const) {
      const { filters, errors } = parseAuditFilters(new URLSearchParams(q));
      expect(
        errors.map((e) => e.param),
        q,
      ).toEqual([param]);
      await expect(listAuditEvents(filters)).resolves.toBeDefined();
    }
    const reversed = parseAuditFilters(new URLSearchParams("from=2026-03-02&to=2026-03-01"));
    expect(reversed.errors.map((e) => e.param)).toEqual(["to"]);
    expect(parseAuditFilters({ from: "2026-03-01", to: ["2026-03-02", "x"], before: "12" })).toEqual({
      filters: { from: "2026-03-01", to: "2026-03-02", before: "12" },
      errors: [],
    });
  });

  it("the export answers 400 naming the parameter, before any 200 goes out", async () => {
    const cookie = `${SESSION_COOKIE}=${(await sessionFor("admin")).token}`;
    for (const q of ["from=2026-99-99", "before=9999999999999999999"]) {
      const res = await GET(new Request(`http://localhost/api/audit/export?${q}`, { headers: { cookie } }), undefined);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; details: { param: string }[] } };
      expect(body.error.code).toBe("invalid_filter");
      expect(body.error.message).toContain(q.split("=")[0]);
      expect(body.error.details[0]!.param).toBe(q.split("=")[0]);
    }
    expect(
      (await GET(new Request("http://localhost/api/audit/export?from=2026-03-01", { headers: { cookie } }), undefined))
        .status,
    ).toBe(200);
  });
});
