import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionFor } from "@/lib/auth/test-session";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { GET } from "./route";

const JOB = 660_000_000_000_101n;
const COUNT = 3_456;
let cookie = "";

beforeAll(async () => {
  cookie = `${SESSION_COOKIE}=${(await sessionFor("admin")).token}`;
  await prisma.callRecord.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      callRecordId: 4_500_000_000_000n + BigInt(i),
      robotCallJobId: JOB,
      resultStatus: "ANSWERED",
      source: "seed" as const,
      contentHash: "0".repeat(64),
      name: i % 3 ? "张三丰" : "Ann",
      calledPhoneNumber: `138${String(i).padStart(8, "0")}`,
      properties: `{"row":${i},"note":"a, \\"quoted\\" value","pad":"${"x".repeat(i % 200)}"}`,
    })),
  });
});

afterAll(() => disconnectPrisma());

const get = (acceptEncoding?: string, query = `job=${JOB}`) =>
  GET(
    new Request(`http://localhost/api/calls/export?${query}`, {
      headers: { cookie, ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}) },
    }),
    undefined,
  );

describe("GET /api/calls/export", () => {
  it("sends the same CSV gzip-compressed (the whole stream, to its last row) or plain, as the request accepts", async () => {
    const plain = await get();
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    // Bytes, not text(): the BOM is part of the file.
    const csv = Buffer.from(await plain.arrayBuffer());
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.toString("utf8").split("\r\n");
    expect(lines.length).toBe(1 + COUNT + 1);
    expect(lines.at(-2)!.startsWith(`${4_500_000_000_000n + BigInt(COUNT - 1)},`)).toBe(true);

    const gzipped = await get("gzip, deflate, br, zstd");
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const body = Buffer.from(await gzipped.arrayBuffer());
    expect(body.length).toBeLessThan(csv.length / 3);
    expect(gunzipSync(body).equals(csv)).toBe(true);
  });

  it("compresses its refusals too when gzip is accepted (next.config.js labels every response of the route)", async () => {
    const res = await GET(
      new Request("http://localhost/api/calls/export", { headers: { "accept-encoding": "gzip" } }),
      undefined,
    );
    expect(res.status).toBe(401);
    expect(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).error.code).toBe("unauthenticated");
    const invalid = await get("gzip", "from=not-a-day");
    expect(invalid.status).toBe(400);
    expect(JSON.parse(gunzipSync(Buffer.from(await invalid.arrayBuffer())).toString()).error.code).toBe(
      "invalid_filter",
    );
  });
});
