import pino from "pino";
import { getEnv } from "./env";
import { currentRequestIdFromContext } from "./http/request-context.mjs";

/**
 * Structured server log. Secrets and personal data are redacted by key
 * wherever they appear in a logged object.
 */
const REDACT = [
  "*.password",
  "*.token",
  "*.secret",
  "*.app_secret",
  "*.authorization",
  "*.cookie",
  "*.called_phone_number",
  "*.calledPhoneNumber",
  "*.phone_number",
  "*.phoneNumber",
  "*.name",
  "req.headers.authorization",
  "req.headers.cookie",
];

let logger: pino.Logger | undefined;

export function log(): pino.Logger {
  logger ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { app: "lvr-console" },
    redact: { paths: REDACT, censor: "[redacted]" },
    // Every line written while serving a request names it (X-Request-Id; also on its audit events and TOP attempts).
    mixin: () => {
      const reqId = currentRequestIdFromContext();
      return reqId ? { reqId } : {};
    },
  });
  return logger;
}
