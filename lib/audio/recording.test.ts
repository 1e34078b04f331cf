import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AUDIO_CLIPS } from "../../dev/demo/audio-manifest";
import { openRecording, parseRange } from "./recording";

const publicDir = path.resolve("public");
const own = "http://127.0.0.1:3000";
const clip = DEMO_AUDIO_CLIPS[0]!.file;
const opts = (range: string | null = null, allowedHosts: string[] = []) => ({
  range,
  ownOrigins: [own],
  allowedHosts,
  publicDir,
});

let upstream: http.Server;
let upstreamHost = "";
beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "audio/mpeg" }).end("not reachable");
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  upstreamHost = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

async function json(res: Response) {
  return (await res.json()) as { error: { code: string; message: string } };
}

describe("parseRange", () => {
  it("reads one byte range against the size", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=0-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange(null, 1000)).toBeNull();
    expect(parseRange("items=1-2", 1000)).toBeNull();
  });
});

describe("openRecording", () => {
  it("serves the console's own recordings with Range, so the player can seek", async () => {
    const whole = await openRecording(`${own}/demo-audio/${clip}`, opts());
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    const size = Number(whole.headers.get("content-length"));
    expect(size).toBeGreaterThan(10_000);
    const part = await openRecording(`${own}/demo-audio/${clip}`, opts("bytes=100-199"));
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    expect((await openRecording(`${own}/demo-audio/${clip}`, opts(`bytes=${size}-`))).status).toBe(416);
    expect((await openRecording(`${own}/demo-audio/..%2f..%2fpackage.json`, opts())).status).toBe(404);
  });

  it("answers 400, not a URIError, for a demo link with a broken percent-escape", async () => {
    for (const name of ["%E0%A4%A.mp3", "%.mp3", "a%zz.mp3"]) {
      const res = await openRecording(`${own}/demo-audio/${name}`, opts());
      expect(res.status, name).toBe(400);
      expect((await json(res)).error.code).toBe("invalid_link");
    }
  });

  it("refuses hosts that are not allowed, non-http links and records without audio, saying why", async () => {
    const res = await openRecording("https://vendor.example.com/a.mp3", opts());
    expect(res.status).toBe(403);
    expect((await json(res)).error.message).toBe(
      "recording unavailable: vendor.example.com is not in AUDIO_ALLOWED_HOSTS",
    );
    expect((await openRecording("file:///etc/passwd", opts())).status).toBe(422);
    expect((await openRecording(null, opts())).status).toBe(404);
  });

  it("never connects to a private address, even for an allowed host", async () => {
    const res = await openRecording(`http://${upstreamHost}/a.mp3`, opts(null, [upstreamHost]));
    expect(res.status).toBe(502);
    expect(await json(res)).toMatchObject({
      error: { code: "refused", message: expect.stringContaining("private address") },
    });
    // By name, too: localhost resolves to loopback, refused when the connection is made.
    const port = upstreamHost.split(":")[1];
    const named = await openRecording(`http://localhost:${port}/a.mp3`, opts(null, [`localhost:${port}`]));
    expect(await json(named)).toMatchObject({
      error: { code: "refused", message: expect.stringContaining("private address") },
    });
  });
});
