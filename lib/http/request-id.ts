import { headers } from "next/headers";
import { currentRequestIdFromContext } from "./request-context.mjs";

/**
 * The id of the request being served: X-Request-Id as the web server
 * (scripts/web-server.mjs) set it, a proxy's when it sent a well-formed one,
 * else its own. It is in every log line of the request, on the audit events
 * and submission batches the request creates, and on their TOP attempts.
 */
export const REQUEST_ID_HEADER = "x-request-id";
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(h: Pick<Headers, "get">): string | undefined {
  const id = h.get(REQUEST_ID_HEADER);
  return id && WELL_FORMED.test(id) ? id : undefined;
}

/** Undefined outside a request (the worker, the CLI). */
export async function currentRequestId(): Promise<string | undefined> {
  const fromContext = currentRequestIdFromContext();
  if (fromContext) return fromContext;
  try {
    return requestIdFrom(await headers());
  } catch {
    return undefined;
  }
}
