import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, Prisma, prisma } from "../../lib/db/client";
import { formatImportSummary, ImportError, importExitCode, importFile, type ImportOptions } from "./import-file";

const newId = () => (1n << 58n) + BigInt(`0x${randomBytes(7).toString("hex")}`);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lvr-import-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await disconnectPrisma();
});

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, `${randomBytes(4).toString("hex")}-${name}`);
  await writeFile(file, content);
  return file;
}

const quiet: ImportOptions = { progress: null };

async function rejects(
  file: string,
): Promise<{ line: number; record: unknown; errors: { field: string; message: string }[] }[]> {
  const text = await readFile(`${file}.rejected.ndjson`, "utf8");
  return text
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));
}

describe("importFile: CSV", () => {
  it("imports rows (BOM, CRLF, quoted line breaks, empty cells as null) and writes rejects with their lines", async () => {
    const [a, b, c, d] = [newId(), newId(), newId(), newId()];
    const csv = [
      "\uFEFFcall_record_id,robot_call_job_id,name,start_time,chat_duration,properties,vendor_note",
      `${a},900,"Li, Si",2026-03-01 08:00:00,37,"{""caseId"":""C-1""}",x`,
      `${b},900,"multi`,
      `line name",2026-03-01 09:00:00,,,`,
      `${c},900,Wang,2026-03-01T08:00:00,5,,`, // ISO without offset: rejected
      `${d},900,short row`,
      `9007199254740993x,900,,,,,`,
      "",
    ].join("\r\n");
    const file = await fileWith("records.csv", csv);
    const summary = await importFile(file, quiet);
    expect(summary).toMatchObject({
      format: "csv",
      received: 5,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 3,
      ignoredColumns: ["vendor_note"],
      aborted: false,
    });
    expect(summary.rejectsPath).toBe(`${file}.rejected.ndjson`);
    expect(importExitCode(summary)).toBe(2);

    expect(await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: a } })).toMatchObject({
      name: "Li, Si",
      source: "import",
      chatDuration: 37,
      properties: '{"caseId":"C-1"}',
      propertiesJson: { caseId: "C-1" },
      startTime: new Date("2026-03-01T00:00:00Z"),
    });
    expect(await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: b } })).toMatchObject({
      name: "multi\r\nline name",
      chatDuration: null,
      properties: null,
    });

    expect(await rejects(file)).toEqual([
      {
        line: 5,
        record: {
          call_record_id: c.toString(),
          robot_call_job_id: "900",
          name: "Wang",
          start_time: "2026-03-01T08:00:00",
          chat_duration: "5",
          properties: null,
          vendor_note: null,
        },
        errors: [{ field: "start_time", message: expect.stringContaining("without an offset is ambiguous") }],
      },
      {
        line: 6,
        record: [d.toString(), "900", "short row"],
        errors: [{ field: "$", message: "the row has 3 cells, the header has 7" }],
      },
      {
        line: 7,
        record: expect.objectContaining({ call_record_id: "9007199254740993x" }),
        errors: [{ field: "call_record_id", message: expect.any(String) }],
      },
    ]);
  });

  it("re-imports as unchanged, and removes a stale rejects file when nothing is rejected", async () => {
    const id = newId();
    const file = await fileWith("again.csv", `call_record_id,robot_call_job_id,result_status\n${id},1,ANSWERED\n`);
    await writeFile(`${file}.rejected.ndjson`, "stale\n");
    expect(await importFile(file, quiet)).toMatchObject({ created: 1, rejected: 0, rejectsPath: null });
    expect(existsSync(`${file}.rejected.ndjson`)).toBe(false);
    const again = await importFile(file, quiet);
    expect(again).toMatchObject({ received: 1, unchanged: 1 });
    expect(importExitCode(again)).toBe(0);
  });

  it("fails as a whole (no records) on a header without call_record_id or with duplicates", async () => {
    await expect(importFile(await fileWith("bad.csv", "callRecordId,robotCallJobId\n1,2\n"), quiet)).rejects.toThrow(
      /no call_record_id column/,
    );
    await expect(importFile(await fileWith("dup.csv", "call_record_id,call_record_id\n1,2\n"), quiet)).rejects.toThrow(
      ImportError,
    );
  });
});

describe("importFile: NDJSON", () => {
  it("imports lines in batches, keeps int64 ids exact, and rejects bad lines with their numbers", async () => {
    const ids = Array.from({ length: 5 }, () => newId());
    const lines = [
      `{"call_record_id":${ids[0]},"robot_call_job_id":9223372036854775807,"start_time":1772323200}`,
      `{"call_record_id":${ids[1]},"robot_call_job_id":2,"properties":{"k":[1,2]}}`,
      "",
      `{"call_record_id":${ids[2]},"robot_call_job_id":2,`, // malformed
      `{"call_record_id":${ids[3]},"robot_call_job_id":2,"chat_duration":-1}`,
      `[1,2]`,
      `{"ivr_call_record_d_t_o":"{\\"call_record_id\\":${ids[4]},\\"robot_call_job_id\\":3}","rpc_context":"{}"}`,
    ];
    const file = await fileWith("records.ndjson", lines.join("\n"));
    const summary = await importFile(file, { ...quiet, batchSize: 2 });
    expect(summary).toMatchObject({ format: "ndjson", received: 6, created: 3, rejected: 3 });

    expect(await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: ids[0] } })).toMatchObject({
      robotCallJobId: 9223372036854775807n,
      startTime: new Date("2026-03-01T00:00:00Z"),
    });
    const json = await prisma.$queryRaw<{ p: string }[]>(
      Prisma.sql`SELECT properties AS p FROM call_records WHERE call_record_id = ${ids[1]}`,
    );
    expect(json).toEqual([{ p: '{"k":[1,2]}' }]);
    expect(await prisma.callRecord.findUnique({ where: { callRecordId: ids[4] } })).not.toBeNull();

    expect(await rejects(file)).toEqual([
      {
        line: 4,
        record: lines[3],
        errors: [
          {
            field: "$",
            message: `malformed JSON at column ${(lines[3] ?? "").length + 1}: unexpected end of input, expected a string key`,
          },
        ],
      },
      {
        line: 5,
        record: { call_record_id: expect.any(Number), robot_call_job_id: 2, chat_duration: -1 },
        errors: [{ field: "chat_duration", message: "out of range (0 to 2147483647 of seconds)" }],
      },
      { line: 6, record: [1, 2], errors: [{ field: "$", message: "the record must be a JSON object, not an array" }] },
    ]);
    // the rejects file keeps big ids as exact digits
    expect(await readFile(`${file}.rejected.ndjson`, "utf8")).toContain(`"call_record_id":${ids[3]}`);
  });

  it("sniffs NDJSON in a file without a known extension; refuses a JSON array and invalid UTF-8", async () => {
    const id = newId();
    expect(
      await importFile(await fileWith("export.txt", `\n  {"call_record_id":${id},"robot_call_job_id":1}\n`), quiet),
    ).toMatchObject({ format: "ndjson", created: 1 });
    await expect(importFile(await fileWith("array.json", "[{}]"), quiet)).rejects.toThrow(/JSON array/);
    await expect(
      importFile(await fileWith("latin1.ndjson", new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a])), quiet),
    ).rejects.toThrow(/not valid UTF-8/);
  });
});

describe("importFile: progress and summary", () => {
  it("writes progress lines to a log stream and a final summary", async () => {
    const ids = Array.from({ length: 7 }, () => newId());
    const file = await fileWith(
      "progress.ndjson",
      ids.map((id) => `{"call_record_id":${id},"robot_call_job_id":1}`).join("\n") + "\n",
    );
    const writes: string[] = [];
    let t = 0;
    const summary = await importFile(file, {
      batchSize: 3,
      progress: {
        stream: { isTTY: false, write: (s: string) => writes.push(s) },
        intervalMs: 1000,
        now: () => (t += 1000),
      },
    });
    expect(writes).toEqual([
      expect.stringMatching(/^3 records · \d+ records\/s · 100% · ETA 0:00\n$/),
      expect.stringMatching(/^6 records · /),
      expect.stringMatching(/^7 records · /),
    ]);
    expect(summary).toMatchObject({ received: 7, created: 7 });
    expect(formatImportSummary({ ...summary, elapsedMs: 2000, recordsPerSecond: 3.5 })).toBe(
      "import finished: 7 records in 0:02 (4 records/s)\n  created 7 · updated 0 · unchanged 0 · rejected 0",
    );
  });

  it("stops after the batch in progress when aborted", async () => {
    const ids = Array.from({ length: 5 }, () => newId());
    const file = await fileWith(
      "abort.csv",
      ["call_record_id,robot_call_job_id", ...ids.map((id) => `${id},1`)].join("\n"),
    );
    const controller = new AbortController();
    controller.abort();
    const summary = await importFile(file, { ...quiet, signal: controller.signal });
    expect(summary.aborted).toBe(true);
    expect(formatImportSummary(summary)).toMatch(/^import stopped early/);
  });
});
