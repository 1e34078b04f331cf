/**
 * Whether an error means "the database could not be reached or went away"
 * (refused, reset, shut down, in crash recovery), as opposed to a statement
 * it refused. Work that failed this way can be tried again once it is back.
 */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
// 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up, recovering); class 08: connection exceptions.
const SERVER_CODES = /^(57P0[123]|08\w{3})$/;
const MESSAGES =
  /Connection terminated|connection (is )?closed|Client has encountered a connection error|server closed the connection|terminating connection|the database system is (starting up|in recovery mode|shutting down)|timeout exceeded when trying to connect|Can't reach database server|ECONNREFUSED|ECONNRESET/i;

export function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SERVER_CODES.test(code))) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}
