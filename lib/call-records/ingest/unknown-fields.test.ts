import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ingestCallRecords } from "./mutations";
import { KNOWN_EXTRA_FIELDS, unknownFieldWarnings } from "./unknown-fields";

const newId = () => ((1n << 59n) + BigInt(`0x${randomBytes(7).toString("hex")}`)).toString();

describe("ingest names the fields it ignores", () => {
  it("accepts the record and warns about each unknown field, with the field it probably meant", async () => {
    const id = newId();
    const { results } = await ingestCallRecords(
      [
        {
          call_record_id: id,
          robot_call_job_id: "31337",
          result_status: "ANSWERED",
          chatDuration: 30,
          call_recordid: "1",
          start_time: "2026-03-01 08:00:00",
        },
      ],
      { source: "api" },
    );
    expect(results[0]).toMatchObject({ call_record_id: id, outcome: "created", errors: [] });
    expect(results[0]!.warnings).toEqual([
      { field: "chatDuration", message: "unknown field, ignored: did you mean chat_duration?" },
      { field: "call_recordid", message: "unknown field, ignored: did you mean call_record_id?" },
    ]);
  });

  it("says nothing about known fields, the console's own extras, or the TOP form's wrapper", async () => {
    const id = newId();
    const { results } = await ingestCallRecords(
      [
        {
          ivr_call_record_d_t_o: JSON.stringify({ call_record_id: id, robot_call_job_id: "31337", chat_duration: 3 }),
          rpc_context: {},
        },
      ],
      { source: "api" },
    );
    expect(results[0]).toMatchObject({ outcome: "created", errors: [] });
    expect(results[0]).not.toHaveProperty("warnings");
    for (const field of KNOWN_EXTRA_FIELDS) expect(unknownFieldWarnings({ [field]: "x" })).toEqual([]);
    expect(
      unknownFieldWarnings({ ivr_call_record_d_t_o: { call_record_id: "1", robot_call_job_id: "2", nmae: "x" } }),
    ).toEqual([{ field: "nmae", message: "unknown field, ignored" }]);
  });

  it("adds the warnings to a rejected record too, where they explain the error", async () => {
    const { results } = await ingestCallRecords([{ call_recordid: "1", robot_call_job_id: "2" }], { source: "api" });
    expect(results[0]).toMatchObject({
      outcome: "rejected",
      errors: [{ field: "call_record_id", message: "is required" }],
    });
    expect(results[0]!.warnings).toEqual([
      { field: "call_recordid", message: "unknown field, ignored: did you mean call_record_id?" },
    ]);
  });
});
