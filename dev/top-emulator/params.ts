import type { IncomingMessage } from "node:http";
import busboy from "busboy";

/**
 * Collects request parameters the way a gateway does: the query string, an
 * urlencoded body (`+` and `%20` are both spaces) and multipart fields, all
 * merged (body fields win over query fields of the same name).
 */

const MAX_BODY = 2 * 1024 * 1024;

export class BodyError extends Error {}

export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  for (const [k, v] of url.searchParams) params[k] = v;
  if (req.method !== "POST") return params;

  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    Object.assign(params, await readMultipart(req));
  } else {
    const body = await readBody(req);
    // URLSearchParams decodes `+` as a space, as form encoding says.
    if (body) for (const [k, v] of new URLSearchParams(body)) params[k] = v;
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BodyError("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function readMultipart(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fieldSize: MAX_BODY, files: 0 }, defParamCharset: "utf8" });
    } catch (err) {
      return reject(new BodyError((err as Error).message));
    }
    bb.on("field", (name, value) => (fields[name] = value));
    bb.on("file", (_name, stream) => stream.resume()); // file parameters are neither signed nor used here
    bb.on("close", () => resolve(fields));
    bb.on("error", (err) => reject(new BodyError((err as Error).message)));
    req.pipe(bb);
  });
}
