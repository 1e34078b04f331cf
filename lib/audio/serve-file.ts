import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";

/** Parses `bytes=a-b` (one range) against a size; null means the whole file. */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    if (Number(m[2]) === 0) return "unsatisfiable";
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

/** A local file as a response, with Range. */
export async function serveFile(
  file: string,
  opts: { type: string; range: string | null; cacheControl: string; etag?: string },
): Promise<Response | null> {
  const info = await stat(/*turbopackIgnore: true*/ file).catch(() => null);
  if (!info?.isFile()) return null;
  const headers: Record<string, string> = {
    "Content-Type": opts.type,
    "Accept-Ranges": "bytes",
    "Cache-Control": opts.cacheControl,
  };
  if (opts.etag) headers.ETag = `"${opts.etag}"`;
  const r = parseRange(opts.range, info.size);
  if (r === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${info.size}` } });
  const { start, end } = r ?? { start: 0, end: info.size - 1 };
  const body = Readable.toWeb(
    createReadStream(/*turbopackIgnore: true*/ file, { start, end }),
  ) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: r ? 206 : 200,
    headers: {
      ...headers,
      "Content-Length": String(end - start + 1),
      ...(r ? { "Content-Range": `bytes ${start}-${end}/${info.size}` } : {}),
    },
  });
}
