import { createGzip } from "node:zlib";
import { log } from "../log";
import { GZIP_ACCEPT_ENCODING } from "./gzip-accept.js";

/** A response body that pulls text from an async generator, one chunk at a time (nothing buffered). */
export function streamText(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

const ACCEPTS_GZIP = new RegExp(`^${GZIP_ACCEPT_ENCODING}$`);

/** Whether a route wrapped in `withGzip` answers this request with gzip (the rule next.config.js applies too). */
export function acceptsGzip(request: Request): boolean {
  return ACCEPTS_GZIP.test(request.headers.get("accept-encoding") ?? "");
}

/**
 * The zlib level of the responses `withGzip` compresses. Level 1 takes a
 * fraction of the CPU of zlib's default (6, what Next's own compression
 * uses) for a somewhat larger body (figures: docs/performance.md).
 */
export const GZIP_LEVEL = 1;

/**
 * A route handler whose responses are gzip-compressed here, at `GZIP_LEVEL`,
 * when the request accepts gzip (`acceptsGzip`), and left plain otherwise:
 * every response, errors included, since the Content-Encoding header comes
 * from next.config.js, which decides by the request alone. The route must be
 * listed there (`GZIP_ROUTES`).
 */
export function withGzip<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    if (!acceptsGzip(request)) return handler(request, context);
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (err) {
      // Next would answer a fault with its plain error page, under the gzip
      // Content-Encoding next.config.js gave the request: unreadable. The
      // fault is logged and answered here, compressed like the rest.
      log().error(
        { err: err instanceof Error ? err.message : String(err), path: new URL(request.url).pathname },
        "route failed",
      );
      response = Response.json(
        { error: { code: "internal", message: "Something went wrong on the server; the error is in its log." } },
        { status: 500 },
      );
    }
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    headers.append("vary", "Accept-Encoding");
    // Dropped by Next (next.config.js sets it), kept for callers outside Next (tests).
    headers.set("content-encoding", "gzip");
    return new Response(gzipStream(response.body ?? emptyBody()), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

function emptyBody(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}

/**
 * A stream gzip-compressed (one gzip member), pulled like `streamText`: the
 * source is read only when the reader wants more and the previous chunk has
 * gone through zlib, so neither the source nor the compressed bytes pile up
 * behind a slow client. zlib runs on libuv's thread pool, beside the code
 * producing the source.
 */
export function gzipStream(source: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const gzip = createGzip({ level: GZIP_LEVEL });
  /** Closed, failed or cancelled: nothing more goes to the controller. */
  let finished = false;
  /** Chunks of compressed bytes handed to the stream so far. */
  let emitted = 0;
  /** Settles when zlib has emitted everything (after `end()`), or failed. */
  let ended: Promise<void> = Promise.resolve();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // Compressed bytes go to the stream's queue as zlib emits them; `pull`
      // returns once some did, so the queue holds about one chunk's output.
      gzip.on("data", (bytes: Buffer) => {
        emitted++;
        if (!finished) controller.enqueue(bytes);
      });
      ended = new Promise<void>((resolve, reject) => {
        gzip.once("end", () => {
          if (!finished) controller.close();
          finished = true;
          resolve();
        });
        gzip.once("error", (err) => {
          if (!finished) controller.error(err);
          finished = true;
          reject(err);
        });
      });
      ended.catch(() => {}); // reported through the controller
    },
    async pull() {
      // A pull that enqueues nothing is not called again (a stream calls
      // `pull` after a read or an enqueue: the response would stall), and
      // zlib keeps small inputs to itself: input goes in until output comes out.
      const before = emitted;
      while (emitted === before && !finished) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (err) {
          gzip.destroy();
          throw err;
        }
        if (next.done) {
          // zlib's last block and the gzip trailer; the stream closes on "end".
          gzip.end();
          await ended;
          return;
        }
        const bytes = next.value;
        await new Promise<void>((resolve, reject) => gzip.write(bytes, (err) => (err ? reject(err) : resolve())));
        // The output of a write can be emitted a tick after its callback.
        if (emitted === before) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    async cancel(reason) {
      finished = true;
      gzip.destroy();
      await reader.cancel(reason);
    },
  });
}
