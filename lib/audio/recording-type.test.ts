import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRecordingType, openRecording } from "./recording";

// A host on the allow-list that answers whatever it likes.
const PAGE = "<!doctype html><script>fetch('/api/calls/export?unmasked=true')</script>";
let upstream: http.Server;
let host = "";
beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const type = decodeURIComponent(req.url!.slice(1));
    res.writeHead(200, type ? { "content-type": type } : {}).end(type.startsWith("audio/") ? "ID3 audio bytes" : PAGE);
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  host = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

const open = (type: string) =>
  openRecording(`http://${host}/${encodeURIComponent(type)}`, {
    range: null,
    ownOrigins: [],
    allowedHosts: [host],
    publicDir: path.resolve("public"),
    addressPolicy: (a: string) => a === "127.0.0.1",
  });

describe("the audio proxy passes on recordings only", () => {
  it.each([
    "text/html",
    "text/html; charset=utf-8",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/plain",
    "application/javascript",
    "TEXT/HTML",
    "audio/mpeg, text/html",
  ])("refuses an upstream answering %j", async (type) => {
    const res = await open(type);
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.text();
    expect(body).toContain("not_audio");
    expect(body).not.toContain("<script>");
  });

  it.each(["audio/mpeg", "audio/ogg; codecs=opus", "video/mp4"])("serves %j", async (type) => {
    const res = await open(type);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(await res.text()).toBe(type.startsWith("audio/") ? "ID3 audio bytes" : PAGE);
  });

  it("passes an answer without a type on as bytes (never as a page: nosniff)", async () => {
    const res = await open("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    await res.arrayBuffer();
  });

  it("knows the recording types", () => {
    expect(isRecordingType("audio/mpeg")).toBe(true);
    expect(isRecordingType("application/octet-stream")).toBe(true);
    expect(isRecordingType("audio/")).toBe(false);
    expect(isRecordingType("text/html;audio/mpeg")).toBe(false);
  });
});
