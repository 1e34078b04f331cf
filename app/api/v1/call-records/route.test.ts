import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, Prisma, prisma } from "@/lib/db/client";
import { POST } from "./route";

// lib/env reads the environment once, lazily, on the first request below.
const TOKEN = "test-ingest-token-0123456789abcdef";
const MAX_BODY = 256 * 1024;
process.env.INGEST_TOKEN = TOKEN;
process.env.INGEST_MAX_BODY_BYTES = String(MAX_BODY);

afterAll(() => disconnectPrisma());

// Random ids between 2^60 and 2^61: unique in the shared test database and far above 2^53.
const newId = () => (1n << 60n) + BigInt(`0x${randomBytes(7).toString("hex")}`);

const URL_ = "http://localhost/api/v1/call-records";

function post(
  body: BodyInit | null,
  headers: Record<string, string> = {},
  token: string | null = TOKEN,
): Promise<Response> {
  const h: Record<string, string> = { "content-type": "application/json", ...headers };
  if (token !== null) h.authorization = `Bearer ${token}`;
  return POST(
    new Request(URL_, {
      method: "POST",
      headers: h,
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    }),
  );
}

function record(id: bigint, extra: Record<string, unknown> = {}): string {
  const fields = Object.entries(extra)
    .map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join("");
  // ids written as bare JSON numbers: the point is that they survive parsing
  return `{"call_record_id":${id},"robot_call_job_id":31337,"result_status":"ANSWERED","start_time":"2026-03-01 08:00:00"${fields}}`;
}

async function json(res: Response) {
  return (await res.json()) as {
    results: {
      index: number;
      call_record_id: string | null;
      outcome: string;
      errors: { field: string; message: string }[];
    }[];
    summary: Record<string, number>;
    error: { code: string; message: string; line?: number; column?: number };
  };
}

describe("POST /api/v1/call-records: accepted shapes", () => {
  it("stores one object and answers its outcome, ids as strings", async () => {
    const id = newId();
    const res = await post(record(id));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await json(res)).toEqual({
      results: [{ index: 0, call_record_id: id.toString(), outcome: "created", errors: [] }],
      summary: { received: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 },
    });
    const stored = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } });
    expect(stored).toMatchObject({
      robotCallJobId: 31337n,
      source: "api",
      startTime: new Date("2026-03-01T00:00:00Z"),
    });
  });

  it("stores an array; a re-push is unchanged; a change is updated", async () => {
    const [a, b] = [newId(), newId()];
    const first = await json(await post(`[${record(a)},${record(b)}]`));
    expect(first.results.map((r) => r.outcome)).toEqual(["created", "created"]);
    const again = await json(await post(`[${record(a)},${record(b, { chat_duration: 12 })}]`));
    expect(again.results.map((r) => r.outcome)).toEqual(["unchanged", "updated"]);
    expect(again.summary).toEqual({ received: 2, created: 0, updated: 1, unchanged: 1, rejected: 0 });
  });

  it("stores NDJSON, declared or detected, with blank lines and CRLF", async () => {
    const [a, b, c, d] = [newId(), newId(), newId(), newId()];
    const declared = await post(`${record(a)}\r\n\r\n${record(b)}\n`, { "content-type": "application/x-ndjson" });
    expect((await json(declared)).results.map((r) => [r.call_record_id, r.outcome])).toEqual([
      [a.toString(), "created"],
      [b.toString(), "created"],
    ]);
    const detected = await post(`${record(c)}\n${record(d)}`, { "content-type": "application/json; charset=utf-8" });
    expect((await json(detected)).summary.created).toBe(2);
  });

  it("accepts the TOP form wrapper, with the DTO and rpc_context as JSON strings or objects", async () => {
    const [a, b] = [newId(), newId()];
    const body = `[{"ivr_call_record_d_t_o":${JSON.stringify(record(a))},"rpc_context":"{\\"k\\":1}"},{"ivr_call_record_d_t_o":${record(b)},"rpc_context":{}}]`;
    const res = await post(body);
    expect((await json(res)).results.map((r) => [r.call_record_id, r.outcome])).toEqual([
      [a.toString(), "created"],
      [b.toString(), "created"],
    ]);
    const rows = await prisma.$queryRaw<{ rpc: string }[]>(
      Prisma.sql`SELECT rpc_context::text AS rpc FROM call_records WHERE call_record_id = ${a}`,
    );
    expect(rows).toEqual([{ rpc: '{"k": 1}' }]);
  });

  it("sniffs a body sent without a Content-Type, and takes a UTF-8 BOM", async () => {
    const id = newId();
    const res = await POST(
      new Request(URL_, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}` },
        body: new TextEncoder().encode(`\uFEFF${record(id, { name: "张三" })}`),
      }),
    );
    expect(res.status).toBe(200);
    expect((await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } })).name).toBe("张三");
  });

  it("keeps int64 ids above 2^53 exact end to end", async () => {
    const id = 9223372036854775000n + BigInt(randomBytes(1)[0] ?? 0);
    const res = await post(
      `{"call_record_id":${id},"robot_call_job_id":9007199254740993,"tenant_phone_number_id":"9223372036854775807"}`,
    );
    expect((await json(res)).results[0]).toMatchObject({ call_record_id: id.toString() });
    expect(await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } })).toMatchObject({
      robotCallJobId: 9007199254740993n,
      tenantPhoneNumberId: 9223372036854775807n,
    });
  });
});

describe("POST /api/v1/call-records: per-record rejections", () => {
  it("rejects bad records by field (200) while storing the good ones", async () => {
    const [a, b] = [newId(), newId()];
    const res = await post(
      `[${record(a)},${record(b, { end_time: "2026-03-01 07:00:00", chat_duration: "long" })},{"robot_call_job_id":1}]`,
    );
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.results).toEqual([
      { index: 0, call_record_id: a.toString(), outcome: "created", errors: [] },
      {
        index: 1,
        call_record_id: b.toString(),
        outcome: "rejected",
        errors: [
          { field: "chat_duration", message: "must be an integer of seconds (a JSON number or a string of digits)" },
          { field: "end_time", message: "is before start_time" },
        ],
      },
      {
        index: 2,
        call_record_id: null,
        outcome: "rejected",
        errors: [{ field: "call_record_id", message: "is required" }],
      },
    ]);
    expect(body.summary).toEqual({ received: 3, created: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(await prisma.callRecord.findUnique({ where: { callRecordId: b } })).toBeNull();
  });

  it("answers 422 when every record was rejected", async () => {
    const id = newId();
    const res = await post(`[${record(id, { start_time: "yesterday" })}]`);
    expect(res.status).toBe(422);
    expect((await json(res)).results[0]?.errors).toEqual([
      { field: "start_time", message: expect.stringContaining('unrecognised date "yesterday"') },
    ]);
  });
});

describe("POST /api/v1/call-records: bad requests", () => {
  it("401 without a token, with WWW-Authenticate", async () => {
    const res = await post(record(newId()), {}, null);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="lvr-ingest"');
    expect((await json(res)).error).toEqual({
      code: "unauthorized",
      message: expect.stringContaining("Authorization: Bearer"),
      details: null,
    });
  });

  it("401 with a wrong token (and nothing stored)", async () => {
    const id = newId();
    const res = await post(record(id), {}, `${TOKEN}x`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect((await json(res)).error.code).toBe("unauthorized");
    expect(await prisma.callRecord.findUnique({ where: { callRecordId: id } })).toBeNull();
  });

  it("413 from Content-Length before reading the body", async () => {
    const res = await post("{}", { "content-length": String(MAX_BODY + 1) });
    expect(res.status).toBe(413);
    expect((await json(res)).error).toMatchObject({ code: "payload_too_large" });
  });

  it("413 while streaming a body without Content-Length, which is not read to the end", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await post(stream);
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("payload_too_large");
    expect(pulled).toBeLessThan(10);
  });

  it("415 for other content types and charsets", async () => {
    for (const type of ["text/csv", "application/x-www-form-urlencoded", "application/json; charset=gbk"]) {
      const res = await post(record(newId()), { "content-type": type });
      expect(res.status, type).toBe(415);
      expect((await json(res)).error.code).toBe("unsupported_media_type");
    }
  });

  it("400 for malformed JSON, with line and column", async () => {
    const res = await post('[\n  {"call_record_id": 1,\n   "robot_call_job_id": }\n]');
    expect(res.status).toBe(400);
    expect((await json(res)).error).toEqual({
      code: "malformed_json",
      message: `Malformed JSON at line 3, column 25: unexpected character "}", expected a JSON value.`,
      details: { line: 3, column: 25, position: 50 },
    });
  });

  it("400 for a bad NDJSON line, naming the line, and nothing of the request is stored", async () => {
    const id = newId();
    const res = await post(`${record(id)}\n\n{"call_record_id": 2,}\n`, { "content-type": "application/x-ndjson" });
    expect(res.status).toBe(400);
    expect((await json(res)).error).toEqual({
      code: "malformed_ndjson",
      message: `Malformed NDJSON at line 3, column 22: unexpected character "}", expected a string key.`,
      details: { line: 3, column: 22 },
    });
    expect(await prisma.callRecord.findUnique({ where: { callRecordId: id } })).toBeNull();
  });

  it("400 for an empty body, an empty array, a bare value and invalid UTF-8", async () => {
    const cases: [BodyInit, string][] = [
      ["", "empty_body"],
      ["  \n ", "empty_body"],
      ["[]", "empty_body"],
      ["42", "invalid_body"],
      [new Uint8Array([0x7b, 0xff, 0x7d]), "invalid_encoding"],
    ];
    for (const [body, code] of cases) {
      const res = await post(body);
      expect(res.status, code).toBe(400);
      expect((await json(res)).error.code).toBe(code);
    }
  });

  it("413 for more than 1,000 records in one request", async () => {
    const items = Array.from({ length: 1001 }, (_, i) => `{"call_record_id":${i + 1},"robot_call_job_id":1}`);
    const res = await post(`[${items.join(",")}]`);
    expect(res.status).toBe(413);
    expect((await json(res)).error).toMatchObject({
      code: "too_many_records",
      message: expect.stringContaining("at most 1000"),
    });
    const nd = await post(items.join("\n"), { "content-type": "application/x-ndjson" });
    expect(nd.status).toBe(413);
  });
});
