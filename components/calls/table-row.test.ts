import { describe, expect, it } from "vitest";
import type { CallRecordRow } from "@/lib/call-records/query/data";
import { formatterFor } from "@/components/ui/format";
import { toCallTableRow } from "./table-row";

const row: CallRecordRow = {
  id: 42n,
  call_record_id: 2000000000000999952n,
  robot_call_job_id: 730001n,
  called_phone_number: "13812345678",
  phone_number: "01060000102",
  name: "欧阳娜娜",
  result_status: "ANSWERED",
  intent_level_tag_id: 730002n,
  intent_level_code: 5,
  intent_level_detail_name: "非本人",
  chat_duration: 75,
  start_time: new Date("2026-11-25T12:59:37Z"),
  tenant_phone_number_id: 1690000000000102n,
  has_audio: true,
  submission_state: "rejected",
  last_result_code: "E12",
  last_result_message: "bad record",
  review_state: "flagged",
  reviewed_by: "Reviewer R",
  corrected_intent_tag_id: 730002n,
  corrected_intent_code: 1,
  corrected_intent_name: "本人",
  compliance_flags: 0,
  review_score: 87.5,
  review_critical_failed: true,
};
const fmt = formatterFor("zh-CN", "Asia/Shanghai");

describe("toCallTableRow", () => {
  it("sends the personal data masked, never in full", () => {
    const out = toCallTableRow(row, fmt);
    expect(out.called).toBe("138****5678");
    expect(out.callee).toBe("欧***");
    const wire = JSON.stringify(out);
    expect(wire).not.toContain("13812345678");
    expect(wire).not.toContain("欧阳娜娜");
  });

  it("carries what the cells show, as strings, with time and duration formatted on the server", () => {
    const out = toCallTableRow(row, fmt);
    expect(out).toEqual({
      key: "42",
      id: "2000000000000999952",
      job: "730001",
      jobName: null,
      start: fmt.dateTime(row.start_time),
      callee: "欧***",
      called: "138****5678",
      caller: "01060000102",
      line: "1690000000000102",
      status: "ANSWERED",
      intent: { tagId: "730002", code: 5, name: "非本人" },
      corrected: { tagId: "730002", code: 1, name: "本人" },
      duration: fmt.duration(75),
      submission: { state: "rejected", code: "E12", message: "bad record" },
      review: "flagged",
      reviewedBy: "Reviewer R",
      audio: true,
      compliance: [],
      score: { value: "87.5", criticalFailed: true },
    });
    expect(out.start).toMatch(/2026.*20:59:37/);
  });

  it("keeps absent values absent", () => {
    const out = toCallTableRow(
      {
        ...row,
        start_time: null,
        name: null,
        called_phone_number: null,
        tenant_phone_number_id: null,
        intent_level_tag_id: null,
        intent_level_code: null,
        intent_level_detail_name: null,
        corrected_intent_tag_id: null,
        chat_duration: null,
        review_score: null,
        review_critical_failed: null,
      },
      fmt,
    );
    expect(out).toMatchObject({
      start: null,
      callee: null,
      called: null,
      line: null,
      intent: { tagId: null, code: null, name: null },
      corrected: null,
      duration: fmt.duration(null),
      score: null,
    });
  });
});
