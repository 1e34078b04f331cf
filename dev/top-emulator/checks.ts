import { RECEIVE_CALL_RECORD_METHOD, type TopErrorResponse } from "../../lib/top/dto";
import { isSignMethod, verifyTopSign } from "../../lib/top/sign";
import { parseGmt8 } from "../../lib/top/timestamp";

/**
 * The gateway's protocol checks, in its order: method, app key, timestamp,
 * version, signature, format. The first failure answers.
 */

const SKEW_MS = 10 * 60_000;
const KNOWN_METHODS = new Set([RECEIVE_CALL_RECORD_METHOD]);

export function checkProtocol(
  params: Readonly<Record<string, string>>,
  apps: ReadonlyMap<string, string>,
  now: number,
): TopErrorResponse | null {
  const method = params.method;
  if (!method) return { code: 21, msg: "Missing Method" };
  if (!KNOWN_METHODS.has(method)) return { code: 22, msg: "Invalid Method" };

  const appKey = params.app_key;
  if (!appKey) return { code: 28, msg: "Missing App Key" };
  const secret = apps.get(appKey);
  if (secret === undefined) return { code: 29, msg: "Invalid App Key" };

  const ts = params.timestamp;
  if (!ts) return { code: 30, msg: "Missing Timestamp" };
  // The Python SDK sends epoch milliseconds; everyone else GMT+8 wall time.
  const when = /^\d{12,14}$/.test(ts) ? Number(ts) : (parseGmt8(ts)?.getTime() ?? NaN);
  if (!Number.isFinite(when))
    return {
      code: 31,
      msg: "Invalid Timestamp",
      sub_msg: "timestamp must be yyyy-MM-dd HH:mm:ss (GMT+8) or epoch milliseconds",
    };
  if (Math.abs(when - now) > SKEW_MS)
    return { code: 31, msg: "Invalid Timestamp", sub_msg: "timestamp is more than 10 minutes from the gateway's time" };

  const v = params.v;
  if (!v) return { code: 32, msg: "Missing Version" };
  if (!/^\d+(\.\d+)?$/.test(v)) return { code: 33, msg: "Invalid Version" };
  if (v !== "2.0") return { code: 34, msg: "Unsupported Version" };

  if (!params.sign) return { code: 24, msg: "Missing Signature" };
  // Old clients leave sign_method out; the gateway then assumes md5.
  const signMethod = params.sign_method || "md5";
  if (!isSignMethod(signMethod) || !verifyTopSign(params, secret, signMethod))
    return { code: 25, msg: "Invalid Signature" };

  if (params.format !== undefined && params.format !== "json" && params.format !== "xml")
    return { code: 23, msg: "Invalid Format" };
  return null;
}
