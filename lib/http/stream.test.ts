import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { GZIP_ACCEPT_ENCODING } from "./gzip-accept.js";
import { acceptsGzip, gzipStream, streamText, withGzip } from "./stream";

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts);
}

async function* texts(parts: string[], onReturn?: () => void): AsyncGenerator<string> {
  try {
    for (const part of parts) yield part;
  } finally {
    onReturn?.();
  }
}

const request = (acceptEncoding?: string) =>
  new Request("http://localhost/x", {
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });

describe("gzip responses", () => {
  it("decompresses to exactly the text, from tiny chunks (which zlib keeps to itself) to large ones", async () => {
    // Small chunks make zlib emit nothing for many writes in a row: a pull
    // that returns without output would stall the stream.
    const parts = Array.from({ length: 20_000 }, (_, i) => `${i},张三,"a ""b""",${"x".repeat(i % 97)}\r\n`);
    parts.push("é".repeat(200_000), "", "end\r\n");
    const gz = await bytesOf(gzipStream(streamText(texts(parts))));
    expect(gz[0]).toBe(0x1f);
    expect(gz[1]).toBe(0x8b);
    expect(gunzipSync(gz).toString("utf8")).toBe(parts.join(""));
  });

  it("compresses an empty stream to a valid empty gzip member", async () => {
    expect(gunzipSync(await bytesOf(gzipStream(streamText(texts([]))))).length).toBe(0);
  });

  it("reads the source only as the reader asks for more (a slow client does not pile data up)", async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<string> {
      for (;;) {
        produced++;
        yield `${produced} ${randomBytes(3_000).toString("base64")}\n`;
      }
    }
    const reader = gzipStream(streamText(endless())).getReader();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 3; i++) {
      await reader.read();
      await pause();
      const before = produced;
      // Nobody reads: nothing more is produced.
      await pause();
      expect(produced).toBe(before);
    }
    await reader.cancel();
  });

  it("ends the source when the download is cancelled", async () => {
    let returned = false;
    async function* endless(): AsyncGenerator<string> {
      try {
        for (;;) yield "x".repeat(20_000) + Math.random();
      } finally {
        returned = true;
      }
    }
    const reader = gzipStream(streamText(endless())).getReader();
    await reader.read();
    await reader.cancel();
    expect(returned).toBe(true);
  });

  it("fails the stream when the source fails", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield "x".repeat(100_000);
      throw new Error("database went away");
    }
    await expect(bytesOf(gzipStream(streamText(failing())))).rejects.toThrow("database went away");
  });

  it("answers with gzip exactly when next.config.js's pattern matches the request's Accept-Encoding", () => {
    // The same anchored pattern Next builds from the `has` condition.
    const next = new RegExp(`^${GZIP_ACCEPT_ENCODING}$`);
    for (const value of [
      "gzip",
      "gzip, deflate, br, zstd",
      "deflate, gzip, br, zstd",
      "br;q=1.0, gzip;q=0.8, *;q=0.1",
      "gzip;q=0.001",
    ]) {
      expect(acceptsGzip(request(value)), value).toBe(true);
      expect(next.test(value), value).toBe(true);
    }
    for (const value of [undefined, "", "identity", "br", "gzip;q=0", "gzip;q=0.000", "x-gzip", "gzipped", "*"]) {
      expect(acceptsGzip(request(value)), String(value)).toBe(false);
      expect(next.test(value ?? ""), String(value)).toBe(false);
    }
  });

  it("compresses every response of a wrapped route (errors too) when gzip is accepted, none otherwise", async () => {
    const route = withGzip(async (req: Request) =>
      new URL(req.url).searchParams.has("bad")
        ? Response.json({ error: "bad" }, { status: 400 })
        : new Response(streamText(texts(["a,b\r\n", "1,2\r\n"])), {
            headers: { "content-type": "text/csv", vary: "Cookie" },
          }),
    );
    const ok = await route(request("gzip"), undefined);
    expect(ok.headers.get("content-encoding")).toBe("gzip");
    expect(ok.headers.get("vary")).toBe("Cookie, Accept-Encoding");
    expect(gunzipSync(Buffer.from(await ok.arrayBuffer())).toString()).toBe("a,b\r\n1,2\r\n");
    const bad = await route(
      new Request("http://localhost/x?bad", { headers: { "accept-encoding": "gzip" } }),
      undefined,
    );
    expect(bad.status).toBe(400);
    expect(JSON.parse(gunzipSync(Buffer.from(await bad.arrayBuffer())).toString())).toEqual({ error: "bad" });
    // A fault (a thrown error) too: Next's own error page would go out plain under the gzip header.
    const failing = withGzip(async () => {
      throw new Error("database gone");
    });
    const fault = await failing(request("gzip"), undefined);
    expect(fault.status).toBe(500);
    expect(JSON.parse(gunzipSync(Buffer.from(await fault.arrayBuffer())).toString())).toMatchObject({
      error: { code: "internal" },
    });
    await expect(failing(request("br"), undefined)).rejects.toThrow("database gone");
    const plain = await route(request("br"), undefined);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe("a,b\r\n1,2\r\n");
  });
});
