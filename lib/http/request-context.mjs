// Shared by the web server (scripts/web-server.mjs, plain Node) and the app:
// the request being served, for the log lines, audit events and batches it
// causes. One AsyncLocalStorage per process, kept on globalThis because the
// web server and Next's server bundle each load this module on their own.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

const KEY = Symbol.for("lvr-console.request-context");
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** @returns {AsyncLocalStorage<{ requestId: string }>} */
export function requestContext() {
  const g = /** @type {Record<symbol, AsyncLocalStorage<{ requestId: string }> | undefined>} */ (globalThis);
  return (g[KEY] ??= new AsyncLocalStorage());
}

/**
 * The request's id: a well-formed X-Request-Id from the proxy in front, else a new one.
 * @param {string | string[] | undefined} given
 */
export function requestIdFor(given) {
  return typeof given === "string" && WELL_FORMED.test(given) ? given : randomUUID();
}

/** @returns {string | undefined} */
export function currentRequestIdFromContext() {
  return requestContext().getStore()?.requestId;
}
