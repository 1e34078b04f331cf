import type { Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoundedServer, serverOptions } from "./web-server-limits.mjs";

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

describe("serverOptions", () => {
  const flags = (over: Record<string, string> = {}): string[] =>
    Object.entries({
      "-H": "127.0.0.1",
      "-p": "3000",
      "--grace-ms": "15000",
      "--headers-timeout-ms": "20000",
      "--request-timeout-ms": "60000",
      "--ingest-body-timeout-ms": "30000",
      ...over,
    }).flat();

  it("reads every setting from its flags", () => {
    expect(serverOptions(["--dev", ...flags()])).toEqual({
      dev: true,
      hostname: "127.0.0.1",
      port: 3000,
      graceMs: 15000,
      limits: { headersTimeoutMs: 20000, requestTimeoutMs: 60000, ingestBodyTimeoutMs: 30000 },
    });
    // Node refuses a headers timeout longer than the request's.
    expect(serverOptions(flags({ "--headers-timeout-ms": "90000" })).limits.headersTimeoutMs).toBe(60000);
  });

  it("refuses a missing or malformed flag, naming it", () => {
    expect(() => serverOptions(flags({ "--request-timeout-ms": "ten" }))).toThrow(/--request-timeout-ms/);
    expect(() => serverOptions(flags({ "--ingest-body-timeout-ms": "0" }))).toThrow(/--ingest-body-timeout-ms/);
    expect(() => serverOptions(flags({ "-p": "70000" }))).toThrow(/--port/);
    expect(() => serverOptions(["-H", "127.0.0.1", "-p", "3000"])).toThrow(/--request-timeout-ms is missing/);
    expect(() => serverOptions([...flags(), "--unknown"])).toThrow(/unknown/i);
  });
});

describe("the launchers' command line", () => {
  it("hands the server the settings of lib/env, defaults included", async () => {
    const { webServerCommand } = await import("../../scripts/lib/web-server-command");
    const argv = webServerCommand({ host: "0.0.0.0", port: 8080 });
    const options = serverOptions(argv.slice(argv.findIndex((a) => a.endsWith("web-server.mjs")) + 1));
    expect(options).toMatchObject({ dev: false, hostname: "0.0.0.0", port: 8080, graceMs: 15000 });
    expect(options.limits).toEqual({ headersTimeoutMs: 20000, requestTimeoutMs: 60000, ingestBodyTimeoutMs: 30000 });
  });
});
