import "server-only";
import { ingestTokenByValue } from "../../api-tokens/data";
import { touchIngestToken } from "../../api-tokens/mutations";
import { bearerToken, verifyIngestToken } from "../../auth/ingest-token";
import { getEnv } from "../../env";
import { countIngestRejections } from "../../alerts/thresholds";
import { log } from "../../log";
import { ingestCallRecords } from "./mutations";
import { classifyContentType, decodeUtf8, parseRecordsText, readBodyLimited, type BodyFailure } from "./parse-body";
import { ingestRecords, ingestRequestsFailed } from "../../metrics/registry";

/**
 * `POST /api/v1/call-records`: the robot platforms' push endpoint.
 *
 * Status codes:
 *   200  the request was processed: every record has an entry in `results`,
 *        some may be "rejected" (the rest were stored);
 *   422  the request was processed but every record was rejected (nothing stored);
 *   400  body unusable: empty, malformed JSON/NDJSON (with line/column), not UTF-8;
 *   401  missing or wrong bearer token;  413  body or record count over the limit;
 *   415  not JSON/NDJSON;  503  INGEST_TOKEN not configured, or the database is down
 *        (nothing was written: retry).
 * Errors other than 200/422 answer `{ "error": { "code", "message", "details" } }`.
 */

export interface IngestHttpConfig {
  token: string | undefined;
  maxBodyBytes: number;
}

function configFromEnv(): IngestHttpConfig {
  const env = getEnv();
  return { token: env.INGEST_TOKEN, maxBodyBytes: env.INGEST_MAX_BODY_BYTES };
}

const NO_STORE = { "Cache-Control": "no-store" };

function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: { details?: BodyFailure["details"]; headers?: Record<string, string> } = {},
): Response {
  ingestRequestsFailed.inc({ code });
  // The API's one error shape (lib/api/errors.ts): what exactly was wrong goes in `details`.
  return Response.json(
    { error: { code, message, details: extra.details ?? null } },
    { status, headers: { ...NO_STORE, ...extra.headers } },
  );
}

function failureResponse(f: BodyFailure): Response {
  return errorResponse(f.status, f.code, f.message, { details: f.details });
}

export async function handleIngestRequest(
  request: Request,
  config: IngestHttpConfig = configFromEnv(),
): Promise<Response> {
  // A named ingest token (admins create one per robot platform) names the source of what it sends;
  // INGEST_TOKEN stays the bootstrap credential.
  const presented = bearerToken(request.headers.get("authorization"));
  const named = presented ? await ingestTokenByValue(presented) : null;
  if (named) await touchIngestToken(named.id);
  const auth = named ? ({ ok: true } as const) : verifyIngestToken(request.headers.get("authorization"), config.token);
  if (!auth.ok) {
    return errorResponse(auth.status, auth.code, auth.message, {
      headers: auth.wwwAuthenticate ? { "WWW-Authenticate": auth.wwwAuthenticate } : {},
    });
  }

  const kind = classifyContentType(request.headers.get("content-type"));
  if (!kind.ok) return failureResponse(kind.failure);

  let body;
  try {
    body = await readBodyLimited(request, config.maxBodyBytes);
  } catch {
    return errorResponse(400, "unreadable_body", "The request body could not be read (connection closed early?).");
  }
  if (!body.ok) return failureResponse(body.failure);
  const text = decodeUtf8(body.value);
  if (!text.ok) return failureResponse(text.failure);
  const items = parseRecordsText(text.value, kind.value);
  if (!items.ok) return failureResponse(items.failure);

  let result;
  try {
    result = await ingestCallRecords(items.value, { source: "api", sourceName: named?.name ?? null });
  } catch (err) {
    log().error({ err }, "ingest: storing call records failed");
    return errorResponse(
      503,
      "storage_unavailable",
      "The records could not be stored; nothing was written. Retry later.",
      {
        headers: { "Retry-After": "5" },
      },
    );
  }
  const { summary } = result;
  log().info({ source: "api", sourceName: named?.name, ...summary }, "ingest: call records received");
  for (const outcome of ["created", "updated", "unchanged", "rejected"] as const)
    if (summary[outcome]) ingestRecords.inc({ outcome }, summary[outcome]);
  // Above ALERT_INGEST_REJECTIONS_THRESHOLD an hour, the admins' alert channels hear of it.
  if (summary.rejected) await countIngestRejections(summary.rejected);
  const status = summary.received > 0 && summary.rejected === summary.received ? 422 : 200;
  return Response.json(result, { status, headers: NO_STORE });
}
