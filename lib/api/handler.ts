import "server-only";
import { z } from "zod";
import { principalForToken, type TokenPrincipal } from "../api-tokens/data";
import { touchPersonalToken } from "../api-tokens/mutations";
import { withAuditVia } from "../audit/context";
import { recordAudit } from "../audit/mutations";
import { bearerToken } from "../auth/ingest-token";
import { canAs } from "../auth/permissions";
import { decodeUtf8, readBodyLimited } from "../call-records/ingest/parse-body";
import { getEnv } from "../env";
import { log } from "../log";
import { ApiError, invalidParams, zodProblems } from "./errors";
import type { ApiOperation } from "./operation";
import { countRequest, rateLimitHeaders } from "./rate-limit";

/**
 * The one wrapper of every /api/v1 route handler: bearer token, rate limit,
 * permission, input validation, the error shape, and the audit context (every
 * use is on the audit trail as the token's owner, with the token's name).
 * Route files stay a line or two: `export const GET = apiRoute(op, handler)`.
 */

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ApiRequest<P, Q, B> {
  request: Request;
  url: URL;
  principal: TokenPrincipal;
  params: P;
  query: Q;
  body: B;
}

export interface ApiAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** A file answered as it is (an evidence bundle), streamed; `body` is then ignored. */
  file?: { stream: ReadableStream<Uint8Array>; contentType: string; fileName: string };
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const REALM = 'Bearer realm="lvr-api"';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  return new Response(text, {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

function errorResponse(e: ApiError, headers: Record<string, string> = {}): Response {
  return json(
    e.status,
    { error: { code: e.code, message: e.message, details: e.details ?? null } },
    { ...headers, ...e.headers },
  );
}

const UNAUTHENTICATED: Record<string, string> = {
  missing: "Send Authorization: Bearer lvr_pat_… (create a token on /account/tokens or with npm run token:create).",
  unknown: "This token is not known.",
  revoked: "This token was revoked.",
  expired: "This token has expired.",
  owner_disabled: "The account this token belongs to is disabled.",
};

async function authenticate(request: Request): Promise<TokenPrincipal> {
  const presented = bearerToken(request.headers.get("authorization"));
  const check = presented ? await principalForToken(presented) : ({ ok: false, reason: "missing" } as const);
  if (check.ok) return check.principal;
  const code = check.reason === "missing" || check.reason === "unknown" ? "unauthenticated" : `token_${check.reason}`;
  const challenge = check.reason === "missing" ? REALM : `${REALM}, error="invalid_token"`;
  throw new ApiError(401, code, UNAUTHENTICATED[check.reason]!, null, { "WWW-Authenticate": challenge });
}

function parseWith<T extends z.ZodType>(schema: T | undefined, input: unknown, prefix = ""): z.output<T> | undefined {
  if (!schema) return undefined;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidParams(zodProblems(parsed.error, prefix));
  return parsed.data;
}

async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  const bytes = await readBodyLimited(request, MAX_BODY_BYTES);
  if (!bytes.ok)
    throw new ApiError(413, "body_too_large", `The body is over ${MAX_BODY_BYTES} bytes.`, {
      max_bytes: MAX_BODY_BYTES,
    });
  if (bytes.value.byteLength === 0) return {};
  if (!/^application\/json\b/i.test(type.trim()))
    throw new ApiError(415, "unsupported_media_type", "Send the body as application/json.");
  const text = decodeUtf8(bytes.value);
  if (!text.ok) throw new ApiError(400, "invalid_body", "The body is not UTF-8.");
  try {
    return JSON.parse(text.value);
  } catch (err) {
    throw new ApiError(400, "invalid_json", `The body is not JSON: ${(err as Error).message}`, { param: "body" });
  }
}

export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  op: ApiOperation<P, Q, B>,
  handle: (req: ApiRequest<z.output<P>, z.output<Q>, z.output<B>>) => Promise<ApiAnswer>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const url = new URL(request.url);
    let limitHeaders: Record<string, string> = {};
    let principal: TokenPrincipal | undefined;
    let status = 500;
    try {
      principal = await authenticate(request);
      const env = getEnv();
      const limit = await countRequest(principal.token.id, env.API_RATE_LIMIT, env.API_RATE_WINDOW_SECONDS);
      limitHeaders = rateLimitHeaders(limit);
      if (!limit.allowed) {
        throw new ApiError(
          429,
          "rate_limited",
          `Over ${limit.limit} requests in ${env.API_RATE_WINDOW_SECONDS} s for this token; retry in ${limit.resetSeconds} s.`,
          { retry_after_seconds: limit.resetSeconds },
          { "Retry-After": String(limit.resetSeconds) },
        );
      }
      await touchPersonalToken(principal.token.id);
      if (op.permission && !canAs({ role: principal.user.role, readOnly: principal.token.readOnly }, op.permission)) {
        const readOnly = principal.token.readOnly && canAs({ role: principal.user.role }, op.permission);
        throw new ApiError(
          403,
          "forbidden",
          readOnly ? "This token is read-only." : `The token's owner's role (${principal.user.role}) may not do this.`,
        );
      }
      const params = parseWith(op.params, await context.params);
      const query = op.queryParsedByHandler ? undefined : parseWith(op.query, Object.fromEntries(url.searchParams));
      const body = op.body ? parseWith(op.body, await readJsonBody(request), "") : undefined;
      const who = principal;
      const answer = await withAuditVia({ token: who.token.name, tokenId: who.token.id.toString() }, () =>
        handle({
          request,
          url,
          principal: who,
          params: params as z.output<P>,
          query: query as z.output<Q>,
          body: body as z.output<B>,
        }),
      );
      status = answer.status ?? 200;
      if (answer.file)
        return new Response(answer.file.stream, {
          status,
          headers: {
            ...limitHeaders,
            ...answer.headers,
            "Content-Type": answer.file.contentType,
            "Content-Disposition": `attachment; filename="${answer.file.fileName}"`,
            "Cache-Control": "no-store",
          },
        });
      return json(status, answer.body, { ...limitHeaders, ...answer.headers });
    } catch (err) {
      if (err instanceof ApiError) {
        status = err.status;
        return errorResponse(err, limitHeaders);
      }
      log().error({ err, operation: op.operationId }, "api: request failed");
      return errorResponse(
        new ApiError(
          500,
          "internal_error",
          "The request could not be answered (a fault on our side, logged); retry later.",
        ),
        limitHeaders,
      );
    } finally {
      if (principal) await auditUse(principal, request.method, url.pathname, status, op.operationId);
    }
  };
}

/** Every use of a token, on the audit trail as its owner (the token's name in `via`). */
async function auditUse(
  p: TokenPrincipal,
  method: string,
  path: string,
  status: number,
  operation: string,
): Promise<void> {
  try {
    await withAuditVia({ token: p.token.name, tokenId: p.token.id.toString() }, () =>
      recordAudit({
        actor: p.user,
        action: "api.request",
        target: `token:${p.token.id}`,
        details: { method, path, status, operation },
      }),
    );
  } catch (err) {
    log().error({ err }, "api: auditing a request failed");
  }
}
