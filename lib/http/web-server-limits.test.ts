import type { Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoundedServer, TIMEOUT_DEFAULTS, timeoutSettings } from "./web-server-limits.mjs";

// Short bounds for the test; the handler reads the whole body before it answers, as Next does.
const settings = { headersTimeoutMs: 400, requestTimeoutMs: 1_500, ingestBodyTimeoutMs: 400 };
let server: Server;
let port = 0;
beforeAll(async () => {
  server = createBoundedServer((req, res) => {
    let n = 0;
    req.on("data", (c: Buffer) => (n += c.length));
    req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end(`read ${n}`));
  }, settings);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Sends `text` on a raw connection and leaves it open; resolves with all the server said and when it closed. */
function raw(text: string): Promise<{ answer: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let answer = "";
    socket.on("data", (c) => (answer += c.toString()));
    socket.on("error", reject);
    socket.on("close", () => resolve({ answer, ms: Date.now() - started }));
    setTimeout(() => socket.destroy(), 20_000).unref();
  });
}

const slowBody = (path: string) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n0123456789`;

describe("the web server's time bounds", () => {
  it("answers 408 and closes an ingest upload that declares 1000 bytes and sends 10", async () => {
    const { answer, ms } = await raw(slowBody("/api/v1/call-records"));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"request_timeout"');
    expect(ms).toBeGreaterThanOrEqual(settings.ingestBodyTimeoutMs - 50);
    expect(ms).toBeLessThan(settings.requestTimeoutMs);
  });

  it("bounds any other request's body by the request timeout", async () => {
    const { answer, ms } = await raw(slowBody("/api/submissions"));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(settings.requestTimeoutMs - 50);
    expect(ms).toBeLessThan(settings.requestTimeoutMs + 3_000);
  });

  it("bounds the time to send the headers", async () => {
    const { answer, ms } = await raw("GET / HTTP/1.1\r\nHost: x\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeLessThan(settings.headersTimeoutMs + 3_000);
  });

  it("serves a request that arrives in time", async () => {
    const { answer } = await raw(
      "POST /api/v1/call-records HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\n0123456789",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain("read 10");
  });
});

describe("timeoutSettings", () => {
  it("has defaults of tens of seconds and reads the environment", () => {
    expect(timeoutSettings({})).toEqual(TIMEOUT_DEFAULTS);
    expect(TIMEOUT_DEFAULTS.requestTimeoutMs).toBeLessThanOrEqual(60_000);
    expect(
      timeoutSettings({
        WEB_HEADERS_TIMEOUT_MS: "5000",
        WEB_REQUEST_TIMEOUT_MS: "10000",
        INGEST_BODY_TIMEOUT_MS: "7000",
      }),
    ).toEqual({ headersTimeoutMs: 5000, requestTimeoutMs: 10000, ingestBodyTimeoutMs: 7000 });
    expect(timeoutSettings({ WEB_HEADERS_TIMEOUT_MS: "90000", WEB_REQUEST_TIMEOUT_MS: "30000" }).headersTimeoutMs).toBe(
      30000,
    );
  });

  it("refuses a setting that is not a number of milliseconds, naming it", () => {
    expect(() => timeoutSettings({ WEB_REQUEST_TIMEOUT_MS: "ten" })).toThrow(/WEB_REQUEST_TIMEOUT_MS/);
    expect(() => timeoutSettings({ INGEST_BODY_TIMEOUT_MS: "0" })).toThrow(/INGEST_BODY_TIMEOUT_MS/);
  });
});
