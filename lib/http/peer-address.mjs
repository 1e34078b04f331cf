// Shared by the web server (scripts/web-server.mjs, plain Node) and the app.
//
// Next's route handlers and server actions see the request's headers, never
// its socket. Next itself only fills X-Forwarded-For with the socket's address
// when the client sent none, so a client that sends one hides its address.
// The web server therefore writes the socket's remote address into a header
// of its own on every request, replacing whatever the client put there, and
// marks the process so that the app believes that header only when it was
// written by this server (under a bare `next start` it could be forged).

/** Header carrying the TCP peer's address from the web server to the app. */
export const PEER_ADDRESS_HEADER = "x-lvr-peer-address";

const SERVED = Symbol.for("lvr-console.peer-address-header");

/**
 * Called by the web server for every request, before Next sees it.
 * @param {import("node:http").IncomingMessage} req
 */
export function stampPeerAddress(req) {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}

/** Called once by the web server: from now on PEER_ADDRESS_HEADER is its own. */
export function markPeerAddressServed() {
  /** @type {Record<symbol, unknown>} */ (globalThis)[SERVED] = true;
}

/** Whether this process is served by the web server, i.e. PEER_ADDRESS_HEADER can be believed. */
export function peerAddressServed() {
  return /** @type {Record<symbol, unknown>} */ (globalThis)[SERVED] === true;
}
