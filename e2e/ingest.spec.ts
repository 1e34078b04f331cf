import { expect, test } from "@playwright/test";

// The acceptance path of the ingest API, over HTTP against the started product.
const TOKEN = "e2e-ingest-token-0123456789abcdef";
const auth = { Authorization: `Bearer ${TOKEN}` };
const base = 8_100_000_000_000_000n; // ids above 2^53, written as JSON numbers

function record(i: number, extra: Record<string, unknown> = {}) {
  return {
    call_record_id: (base + BigInt(i)).toString(),
    robot_call_job_id: "9100000000000001",
    result_status: "ANSWERED",
    start_time: "2026-03-01 09:30:00",
    end_time: "2026-03-01 09:31:10",
    chat_duration: 62,
    called_phone_number: "13800001234",
    name: "张三",
    ...extra,
  };
}

/** JSON with the ids as bare numbers, the way robot platforms send them. */
function asWire(value: unknown): string {
  return JSON.stringify(value).replace(/"(call_record_id|robot_call_job_id)":"(\d+)"/g, '"$1":$2');
}

test.describe("ingest API", () => {
  test("rejects a wrong token", async ({ request }) => {
    const res = await request.post("/api/v1/call-records", {
      headers: { Authorization: "Bearer wrong", "Content-Type": "application/json" },
      data: asWire(record(0)),
    });
    expect(res.status()).toBe(401);
  });

  test("stores one record, then reports the same push unchanged", async ({ request }) => {
    const body = asWire(record(1));
    const first = await request.post("/api/v1/call-records", {
      headers: { ...auth, "Content-Type": "application/json" },
      data: body,
    });
    expect(first.status()).toBe(200);
    expect((await first.json()).results).toEqual([
      expect.objectContaining({ call_record_id: (base + 1n).toString(), outcome: "created" }),
    ]);
    const again = await request.post("/api/v1/call-records", {
      headers: { ...auth, "Content-Type": "application/json" },
      data: body,
    });
    expect((await again.json()).results[0].outcome).toBe("unchanged");
  });

  test("stores a 1,000-record array", async ({ request }) => {
    const records = Array.from({ length: 1000 }, (_, i) => record(1000 + i));
    const res = await request.post("/api/v1/call-records", {
      headers: { ...auth, "Content-Type": "application/json" },
      data: asWire(records),
    });
    expect(res.status()).toBe(200);
    expect((await res.json()).summary).toMatchObject({ received: 1000, created: 1000, rejected: 0 });
  });

  test("stores NDJSON and names the bad field of a rejected record while keeping the others", async ({ request }) => {
    const lines = [record(3000), record(3001, { start_time: "yesterday" }), record(3002)].map(asWire).join("\n");
    const res = await request.post("/api/v1/call-records", {
      headers: { ...auth, "Content-Type": "application/x-ndjson" },
      data: lines,
    });
    const body = await res.json();
    expect(body.summary).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(body.results[1].outcome).toBe("rejected");
    expect(body.results[1].errors[0].field).toBe("start_time");
  });
});
