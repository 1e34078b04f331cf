import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleIngestRequest } from "../lib/call-records/ingest/ingest-request";
import { pushRecordsCommand, SAMPLE_RECORDS } from "./lib/banner";

/**
 * The start banner's push command, run as a user pastes it (a shell, curl),
 * against the real ingest handler behind a plain HTTP server.
 */
const TOKEN = "banner-test-token-0123456789abcdef";
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const answer = await handleIngestRequest(
        new Request(`http://x${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }),
        {
          token: TOKEN,
          maxBodyBytes: 1024 * 1024,
        },
      );
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the start banner's push command", () => {
  it("names a sample that exists", () => {
    expect(pushRecordsCommand(TOKEN, url)).toContain(SAMPLE_RECORDS);
    expect(existsSync(SAMPLE_RECORDS)).toBe(true);
  });

  it("works as pasted, from another directory: every sample record is stored without an error", async () => {
    const { stdout } = await promisify(execFile)("bash", ["-c", pushRecordsCommand(TOKEN, url)], { cwd: "/" });
    const answer = JSON.parse(stdout) as {
      summary: { received: number; rejected: number };
      results: { outcome: string; errors: unknown[] }[];
    };
    expect(answer.summary.received).toBe(3);
    expect(answer.summary.rejected).toBe(0);
    for (const r of answer.results) {
      expect(["created", "updated", "unchanged"]).toContain(r.outcome);
      expect(r.errors).toEqual([]);
    }
  });
});
