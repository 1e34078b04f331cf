// Graceful stop of an HTTP server (scripts/web-server.mjs): stop accepting,
// let the requests in flight finish within a bound, then close what is left.

const DRAINING = Symbol.for("lvr-console.draining");

/** Whether this process is stopping (its readiness answers 503 meanwhile). */
export function isDraining() {
  return /** @type {Record<symbol, unknown>} */ (globalThis)[DRAINING] === true;
}

/**
 * Counts requests in flight; during a drain, answers carry `Connection: close`
 * so that keep-alive clients open their next request elsewhere.
 * @param {import("node:http").Server} server
 */
export function trackRequests(server) {
  let inFlight = 0;
  /** @type {(() => void)[]} */
  let waiters = [];
  server.on(
    "request",
    (
      /** @type {import("node:http").IncomingMessage} */ _req,
      /** @type {import("node:http").ServerResponse} */ res,
    ) => {
      inFlight++;
      if (isDraining()) res.setHeader("Connection", "close");
      res.once("close", () => {
        inFlight--;
        if (isDraining()) server.closeIdleConnections();
        if (inFlight === 0) for (const w of waiters.splice(0)) w();
      });
    },
  );
  return {
    inFlight: () => inFlight,
    /**
     * Stops accepting and resolves when no request is in flight, or after `graceMs`
     * (then open connections are cut); `true` when everything finished in time.
     * @param {number} graceMs
     * @returns {Promise<boolean>}
     */
    async drain(graceMs) {
      /** @type {Record<symbol, unknown>} */ (globalThis)[DRAINING] = true;
      server.close();
      server.closeIdleConnections();
      const finished =
        inFlight === 0 ||
        (await new Promise((resolve) => {
          const timer = setTimeout(() => resolve(false), graceMs);
          waiters.push(() => {
            clearTimeout(timer);
            resolve(true);
          });
        }));
      server.closeAllConnections();
      waiters = [];
      return finished;
    },
  };
}
