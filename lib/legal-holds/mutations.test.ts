import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "../db/client";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { countMatching } from "../call-records/query/count";
import { parseCallFilters } from "../call-records/query/filters";
import { callFiltersToSearchParams } from "../call-records/query/filter-params";
import { holdOf, listHolds } from "./data";
import { removeLegalHold, setLegalHold, setLegalHoldsByFilter } from "./mutations";

afterAll(() => disconnectPrisma());

// This file's ids: call records 76002000000001…, jobs 76002000000000 and 76002000000100.
const JOB = 76002000000000n;
const FILTER_JOB = 76002000000100n;
const id = (n: number) => (76002000000000n + BigInt(n)).toString();
const ACTOR = { id: 2n, email: "holds-test@example.com" };
const count = async (query: string) => {
  const { filters, errors } = parseCallFilters(new URLSearchParams(query));
  expect(errors).toEqual([]);
  return (await countMatching(filters, "Asia/Shanghai")).value;
};

describe("legal holds", () => {
  it("are set and removed with a reason, audited, listed, and filterable with hold=1 / hold=0", async () => {
    await ingestCallRecords(
      [1, 2, 3].map((n) => ({
        call_record_id: id(n),
        robot_call_job_id: JOB.toString(),
        result_status: "ANSWERED",
        start_time: "2026-05-01 10:00:00",
      })),
      { source: "api" },
    );
    await setLegalHold({ callRecordId: id(1), reason: "court order 17" }, ACTOR);
    await expect(setLegalHold({ callRecordId: id(1), reason: "again please" }, ACTOR)).rejects.toMatchObject({
      code: "already_held",
    });
    await expect(setLegalHold({ callRecordId: "76002999999999", reason: "no record" }, ACTOR)).rejects.toMatchObject({
      code: "not_found",
    });

    expect(await count(`job=${JOB}&hold=1`)).toBe(1);
    expect(await count(`job=${JOB}&hold=0`)).toBe(2);
    expect(await count(`job=${JOB}`)).toBe(3);

    const record = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: BigInt(id(1)) } });
    expect(await holdOf(record.id)).toMatchObject({ reason: "court order 17", setByEmail: ACTOR.email });
    const { rows } = await listHolds(500);
    expect(rows.find((r) => r.callRecordId === BigInt(id(1)))).toMatchObject({ reason: "court order 17" });

    await removeLegalHold({ callRecordId: id(1), reason: "case closed" }, ACTOR);
    await expect(removeLegalHold({ callRecordId: id(1), reason: "case closed" }, ACTOR)).rejects.toMatchObject({
      code: "not_held",
    });
    expect(await count(`job=${JOB}&hold=1`)).toBe(0);
    const trail = await prisma.auditEvent.findMany({
      where: { target: `call:${id(1)}`, action: { startsWith: "legal_hold." } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => [e.action, (e.details as { reason: string }).reason, e.actorEmail])).toEqual([
      ["legal_hold.set", "court order 17", ACTOR.email],
      ["legal_hold.removed", "case closed", ACTOR.email],
    ]);
  });

  it("holds every record of a filter, refuses an empty or invalid one", async () => {
    await ingestCallRecords(
      [11, 12, 13].map((n) => ({
        call_record_id: id(n),
        robot_call_job_id: FILTER_JOB.toString(),
        result_status: n === 13 ? "BUSY" : "ANSWERED",
        start_time: "2026-05-02 10:00:00",
      })),
      { source: "api" },
    );
    await setLegalHold({ callRecordId: id(11), reason: "held alone first" }, ACTOR);
    const r = await setLegalHoldsByFilter(
      { query: `job=${FILTER_JOB}&status=ANSWERED`, reason: "dispute batch" },
      ACTOR,
      "Asia/Shanghai",
    );
    expect(r).toEqual({ matched: 2, held: 1 });
    expect(await count(`job=${FILTER_JOB}&hold=1`)).toBe(2);
    await expect(
      setLegalHoldsByFilter({ query: "", reason: "everything" }, ACTOR, "Asia/Shanghai"),
    ).rejects.toMatchObject({ code: "no_filter" });
    await expect(
      setLegalHoldsByFilter({ query: `job=${FILTER_JOB}&hold=yes`, reason: "bad link" }, ACTOR, "Asia/Shanghai"),
    ).rejects.toMatchObject({ code: "invalid_filter" });
  });

  it("names a bad hold value, and round-trips through the link serialiser", () => {
    const bad = parseCallFilters({ hold: "true" });
    expect(bad.errors).toEqual([{ param: "hold", message: "must be 1 (under a legal hold) or 0 (not held)" }]);
    expect(bad.filters.hold).toBeUndefined();
    for (const v of ["1", "0"]) {
      const { filters } = parseCallFilters({ hold: v });
      expect(callFiltersToSearchParams(filters).get("hold")).toBe(v);
    }
  });
});
