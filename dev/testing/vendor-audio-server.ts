import http from "node:http";
import type { AddressInfo } from "node:net";

/** A robot vendor's recording server: recordings, one that fails a few times first, links that expire, redirects into our network. */
export interface VendorAudioServer {
  /** host:port on the loopback. */
  host: string;
  /** What every recording holds. */
  bytes: Buffer;
  /** Paths that answer 503 this many more times. */
  failuresLeft: Map<string, number>;
  /** Paths whose link has expired (403, like an object store's signed URL). */
  expired: Set<string>;
  close(): Promise<void>;
}

export async function startVendorAudioServer(): Promise<VendorAudioServer> {
  const bytes = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256));
  const failuresLeft = new Map<string, number>();
  const expired = new Set<string>();
  const server = http.createServer((req, res) => {
    const p = req.url ?? "/";
    if (p.startsWith("/redirect-metadata"))
      return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (p.startsWith("/redirect-private")) return res.writeHead(302, { location: "http://10.0.0.1/a.mp3" }).end();
    if (p.startsWith("/page")) return res.writeHead(200, { "content-type": "text/html" }).end("<html>sign in</html>");
    if (expired.has(p) || p.startsWith("/expired"))
      return res.writeHead(403, { "content-type": "application/xml" }).end("<Error>AccessDenied</Error>");
    const left = failuresLeft.get(p) ?? 0;
    if (left > 0) {
      failuresLeft.set(p, left - 1);
      return res.writeHead(503).end("busy");
    }
    const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
    if (m) {
      const start = Number(m[1]);
      const end = m[2] ? Number(m[2]) : bytes.length - 1;
      return res
        .writeHead(206, {
          "content-type": "audio/mpeg",
          "content-length": end - start + 1,
          "content-range": `bytes ${start}-${end}/${bytes.length}`,
        })
        .end(bytes.subarray(start, end + 1));
    }
    res.writeHead(200, { "content-type": "audio/mpeg", "content-length": bytes.length }).end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytes,
    failuresLeft,
    expired,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
