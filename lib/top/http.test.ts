import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTopClient } from "./client";

// A bare gateway stand-in that counts TCP connections.
let server: http.Server;
let url: string;
let connections = 0;
let lastBody = "";
let lastType = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      lastBody = body;
      lastType = String(req.headers["content-type"]);
      res.writeHead(200, { "Content-Type": "application/json;charset=UTF-8" });
      res.end('{"lvms_result_d_t_o":{"count":1,"success":true,"code":"0","message":"ok"},"request_id":"r"}');
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("TOP client transport", () => {
  it("reuses one keep-alive connection for sequential calls and posts UTF-8 form data", async () => {
    const client = createTopClient({
      gatewayUrl: url,
      appKey: "k",
      appSecret: "s",
      signMethod: "md5",
      format: "json",
      timeoutMs: 2000,
      connectTimeoutMs: 1000,
    });
    connections = 0;
    for (let i = 1; i <= 5; i++) {
      expect(
        (await client.receiveCallRecord({ call_record_id: BigInt(i), robot_call_job_id: 1n, name: "张三" })).kind,
      ).toBe("accepted");
    }
    expect(connections).toBe(1);
    expect(lastType).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(decodeURIComponent(lastBody)).toContain('"name":"张三"');
    client.close();
  });

  it("reports a refused connection as a transient failure", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const client = createTopClient({
      gatewayUrl: `http://127.0.0.1:${port}/router/rest`,
      appKey: "k",
      appSecret: "s",
      signMethod: "md5",
      format: "json",
      timeoutMs: 2000,
      connectTimeoutMs: 1000,
    });
    const result = await client.receiveCallRecord({ call_record_id: 1n, robot_call_job_id: 1n });
    expect(result).toMatchObject({ kind: "transient", transportError: expect.stringContaining("ECONNREFUSED") });
    client.close();
  });
});
