import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { exportCallRecordsCsv } from "./export";
import { csvCell } from "../../csv/cell";
import { parseCallFilters } from "../query/filters";

const JOB = 660_000_000_000_007n;
/** Records with times and numbers set, and enough of them to span several keyset pages and response chunks. */
const TIMED_JOB = 660_000_000_000_008n;
const MANY_JOB = 660_000_000_000_009n;
const MANY = 2_345;
/** Times whose ISO text PostgreSQL shortens or cannot print in four digits, and a value holding the row separator. */
const EDGE_JOB = 660_000_000_000_010n;
/** Records on both sides of a day range, their ids out of the order of their start times. */
const RANGE_JOB = 660_000_000_000_011n;
const RANGE_DAYS = [
  "2031-05-01",
  "2031-05-03",
  "2031-05-02",
  "2031-05-04",
  "2031-05-02",
  "2031-04-30",
  "2031-05-03",
  "2031-05-05",
];

beforeAll(async () => {
  await prisma.callRecord.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      callRecordId: 4_400_000_000_000n + BigInt(i),
      robotCallJobId: JOB,
      resultStatus: "ANSWERED",
      source: "seed" as const,
      contentHash: "0".repeat(64),
      name: "张三丰",
      calledPhoneNumber: "13812345678",
      properties: i === 0 ? '{"note":"a, \\"quoted\\" value"}' : '=HYPERLINK("x")',
    })),
  });
  await prisma.callRecord.createMany({
    data: [
      {
        callRecordId: 4_400_000_000_100n,
        robotCallJobId: TIMED_JOB,
        source: "seed" as const,
        contentHash: "0".repeat(64),
        startTime: new Date("2026-03-04T05:06:07.089Z"),
        endTime: new Date("0999-12-31T23:59:59.001Z"),
        chatDuration: -3,
        intentLevelCode: 0,
      },
    ],
  });
  await prisma.callRecord.createMany({
    data: [
      ["2026-03-04T05:06:07.090Z", "2026-03-04T05:06:07.000Z", "before\u001fafter"],
      ["2026-03-04T05:06:07.100Z", "+010000-01-01T00:00:00.000Z", ""],
    ].map(([start, end, properties], i) => ({
      callRecordId: 4_400_000_000_200n + BigInt(i),
      robotCallJobId: EDGE_JOB,
      source: "seed" as const,
      contentHash: "0".repeat(64),
      startTime: new Date(start!),
      endTime: new Date(end!),
      properties,
      name: i === 0 ? "李\u001f四" : null,
    })),
  });
  await prisma.callRecord.createMany({
    data: Array.from({ length: MANY }, (_, i) => ({
      callRecordId: 4_400_000_010_000n + BigInt(i),
      robotCallJobId: MANY_JOB,
      source: "seed" as const,
      contentHash: "0".repeat(64),
      properties: `{"row":${i},"pad":"${"x".repeat(60)}"}`,
    })),
  });
});

beforeAll(async () => {
  // Inserted one by one, in this order: the ids follow the list, not the days.
  for (const [i, day] of RANGE_DAYS.entries()) {
    await prisma.callRecord.create({
      data: {
        callRecordId: 4_400_000_020_000n + BigInt(i),
        robotCallJobId: RANGE_JOB,
        source: "seed" as const,
        contentHash: "0".repeat(64),
        startTime: new Date(`${day}T12:00:00Z`),
      },
    });
  }
});

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const part of gen) out += part;
  return out;
}

describe("CSV export", () => {
  it("starts with a BOM and the wire names, masks personal data and quotes safely", async () => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${JOB}`));
    const csv = await collect(exportCallRecordsCsv(filters, "UTC", { masked: true }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFcall_record_id,robot_call_job_id,called_phone_number,result_status,full_audio_url,chat_duration,start_time,end_time,name,properties,intent_level_detail_name,tenant_phone_number_id,phone_number,intent_level_code,intent_level_tag_id,submission_state,last_result_code,last_result_message,review_state,reviewed_at,reviewed_by,review_reasons,corrected_intent_level_tag_id,corrected_intent_level_code,corrected_intent_level_detail_name,compliance_flags,review_score,review_critical_failed,scorecard_version,robot_call_job_name",
    );
    expect(lines.length).toBe(1 + 12 + 1); // header, rows, trailing newline
    expect(lines[1]).toBe(
      `4400000000000,${JOB},138****5678,ANSWERED,,,,,张**,"{""note"":""a, \\""quoted\\"" value""}",,,,,,not_submitted,,,unreviewed,,,,,,,,,,,`,
    );
    expect(csv).not.toContain("13812345678");
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it("writes full numbers and names only when asked for unmasked data, and reports the row count", async () => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${JOB}`));
    let counted = -1;
    const csv = await collect(
      exportCallRecordsCsv(filters, "UTC", { masked: false, onDone: async (n) => void (counted = n) }),
    );
    expect(csv).toContain(",13812345678,");
    expect(csv).toContain(",张三丰,");
    expect(counted).toBe(12);
  });

  it("writes times in the display time zone with their offset (milliseconds when there are some), and numbers as their digits (a negative one defused like a formula)", async () => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${TIMED_JOB}`));
    const [header, row] = (await collect(exportCallRecordsCsv(filters, "Asia/Shanghai", { masked: true }))).split(
      "\r\n",
    );
    const cells = Object.fromEntries(
      header!
        .replace("\uFEFF", "")
        .split(",")
        .map((name, i) => [name, row!.split(",")[i]]),
    );
    // As the UI shows it (Asia/Shanghai), the first 19 characters being TOP's wire format.
    expect(cells.start_time).toBe("2026-03-04 13:06:07.089+08:00");
    // Before 1901 the zone's offset was local mean time, seconds included.
    expect(cells.end_time).toBe("1000-01-01 08:05:42.001+08:05:43");
    expect(cells.chat_duration).toBe(`"'-3"`);
    expect(cells.intent_level_code).toBe("0");
    expect(cells.reviewed_at).toBe("");
  });

  it("writes times with three digits of milliseconds (none at whole seconds) whatever PostgreSQL's own text, and values that hold the unit separator (U+001F) as they are", async () => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${EDGE_JOB}`));
    let counted = -1;
    const csv = await collect(
      exportCallRecordsCsv(filters, "UTC", { masked: false, onDone: async (n) => void (counted = n) }),
    );
    const [, first, second, end] = csv.split("\r\n");
    const cell = (line: string, name: string) =>
      line.split(",")[csv.replace("\uFEFF", "").split("\r\n")[0]!.split(",").indexOf(name)];
    expect(cell(first!, "start_time")).toBe("2026-03-04 05:06:07.090+00:00");
    expect(cell(first!, "end_time")).toBe("2026-03-04 05:06:07+00:00");
    expect(cell(first!, "properties")).toBe("before\u001fafter");
    expect(cell(first!, "name")).toBe("李\u001f四");
    expect(cell(second!, "start_time")).toBe("2026-03-04 05:06:07.100+00:00");
    // As PostgreSQL's to_char prints a five-digit year.
    expect(cell(second!, "end_time")).toBe("10000-01-01 00:00:00.000+00:00");
    expect(cell(second!, "properties")).toBe("");
    expect(end).toBe("");
    expect(counted).toBe(2);
    // Masked: the name is masked by its characters, the separator being one.
    const masked = await collect(exportCallRecordsCsv(filters, "UTC", { masked: true }));
    expect(masked.split("\r\n")[1]).toContain(",李**,");
  });

  it("reads every row once, in order, across keyset pages, and hands out whole lines in chunks of 16K characters and a little more", async () => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${MANY_JOB}`));
    const chunks: string[] = [];
    for await (const chunk of exportCallRecordsCsv(filters, "UTC", { masked: true })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.endsWith("\r\n")).toBe(true);
    for (const chunk of chunks.slice(1, -1)) expect(chunk.length).toBeGreaterThanOrEqual(16 * 1024);
    // Small enough to die young in the GC (a big string goes to V8's large-object space).
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(17 * 1024);
    const ids = chunks
      .join("")
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[0]);
    expect(ids).toEqual(Array.from({ length: MANY }, (_, i) => String(4_400_000_010_000n + BigInt(i))));
  });

  it("writes the records of a day range in id order, whatever the order of their start times, and only the header for an empty range", async () => {
    const ids = async (query: string) => {
      const { filters } = parseCallFilters(new URLSearchParams(`job=${RANGE_JOB}&${query}`));
      let counted = -1;
      const csv = await collect(
        exportCallRecordsCsv(filters, "UTC", { masked: true, onDone: async (n) => void (counted = n) }),
      );
      const rows = csv
        .split("\r\n")
        .slice(1, -1)
        .map((line) => Number(BigInt(line.split(",")[0]!) - 4_400_000_020_000n));
      expect(counted).toBe(rows.length);
      return rows;
    };
    expect(await ids("from=2031-05-02&to=2031-05-03")).toEqual([1, 2, 4, 6]);
    expect(await ids("from=2031-05-03")).toEqual([1, 3, 6, 7]);
    expect(await ids("to=2031-05-01")).toEqual([0, 5]);
    expect(await ids("from=2031-06-01")).toEqual([]);
  });

  it("quotes cells the way RFC 4180 and spreadsheets need", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("+86 138")).toBe(`"'+86 138"`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(9007199254740993n)).toBe("9007199254740993");
    expect(csvCell(-7)).toBe(`"'-7"`);
    expect(csvCell('=1+"2"')).toBe(`"'=1+""2"""`);
    expect(csvCell("\tx")).toBe(`"'\tx"`);
    expect(csvCell("")).toBe("");
    expect(csvCell(new Date("2026-01-02T03:04:05.006Z"))).toBe("2026-01-02T03:04:05.006Z");
  });
});
