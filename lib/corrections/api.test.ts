import { beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../dev/testing/api";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";

// This file's own ids: 7200200000xxxx.
const ID = 72_002_000_000_001n;
let supervisor: string;
let operator: string;

beforeAll(async () => {
  const r = await ingestCallRecords(
    [
      {
        call_record_id: ID.toString(),
        robot_call_job_id: "72002900000001",
        result_status: "ANSWERD",
        start_time: "2026-11-22 09:00:00",
        called_phone_number: "13800001234",
      },
    ],
    { source: "api" },
  );
  expect(r.summary.rejected).toBe(0);
  supervisor = (await tokenFor("supervisor")).token;
  operator = (await tokenFor("operator")).token;
});

const path = `/call-records/${ID}/correction`;

describe("PATCH/DELETE /api/v1/call-records/{id}/correction", () => {
  it("answers the diff, names each invalid field in a 400, and withdraws", async () => {
    const bad = await call(supervisor, "PATCH", path, {
      fields: { chat_duration: "long", end_time: "2026-11-22 08:00:00", call_record_id: "1" },
      reason: "api test",
    });
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { code: string; details: { param: string }[] } }).error;
    expect(error.code).toBe("invalid_parameter");
    expect(error.details.map((d) => d.param)).toEqual(["fields.call_record_id"]);
    const values = await call(supervisor, "PATCH", path, {
      fields: { chat_duration: "long", end_time: "2026-11-22 08:00:00" },
      reason: "api test",
    });
    expect(values.status).toBe(400);
    const details = ((await values.json()) as { error: { details: { param: string }[] } }).error.details;
    expect(details.map((d) => d.param).sort()).toEqual(["fields.chat_duration", "fields.end_time"]);
    expect((await call(supervisor, "PATCH", path, { fields: { name: "x" }, reason: " " })).status).toBe(400);

    const ok = await call(supervisor, "PATCH", path, { fields: { result_status: "ANSWERED" }, reason: "typo" });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { correction: { fields: string[] }; diff: { field: string; next: string }[] };
    expect(body.correction.fields).toEqual(["result_status"]);
    expect(body.diff.find((d) => d.field === "result_status")!.next).toBe("ANSWERED");
    expect(body.diff.find((d) => d.field === "called_phone_number")!.next).not.toContain("13800001234");

    expect((await call(operator, "PATCH", path, { fields: { name: "x" }, reason: "no" })).status).toBe(403);
    expect(
      (
        await call(supervisor, "PATCH", "/call-records/72002999999999/correction", {
          fields: { name: "x" },
          reason: "x",
        })
      ).status,
    ).toBe(404);

    const gone = await call(supervisor, "DELETE", path);
    expect(gone.status).toBe(200);
    expect(await gone.json()).toMatchObject({ withdrawn: true, correction: null });
    expect(await prisma.callRecordCorrection.count({ where: { record: { callRecordId: ID } } })).toBe(0);
  });
});
