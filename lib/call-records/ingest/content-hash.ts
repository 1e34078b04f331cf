import { createHash } from "node:crypto";
import { stringifyJson } from "../json-bigint";
import type { NormalizedCallRecord } from "../schema";

/**
 * SHA-256 (hex) of a canonical serialisation of the normalised record and its
 * rpc_context. Hashing the normalised values, not the bytes received, makes a
 * re-push "unchanged" whatever the form: `2026-03-01 08:00:00` and
 * `2026-03-01T00:00:00Z`, an id as number or string, reordered rpc_context keys.
 * `propertiesJson` is derived from `properties` and so left out. The leading
 * version tag lets the serialisation change later without false "unchanged".
 */
export function contentHash(r: NormalizedCallRecord): string {
  const canonical = stringifyJson(
    [
      "v1",
      r.callRecordId,
      r.robotCallJobId,
      r.calledPhoneNumber,
      r.resultStatus,
      r.fullAudioUrl,
      r.chatDuration,
      r.startTime?.toISOString() ?? null,
      r.endTime?.toISOString() ?? null,
      r.name,
      r.properties,
      r.intentLevelDetailName,
      r.tenantPhoneNumberId,
      r.phoneNumber,
      r.intentLevelCode,
      r.intentLevelTagId,
      r.rpcContext,
    ],
    { sortKeys: true },
  );
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
