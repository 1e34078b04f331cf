/**
 * Cross-site request forgery guard for server actions, decided before Next
 * sees the request. Next refuses a server action whose `Origin` is not the
 * host it was sent to, but answers that with a 500 ("Invalid Server Actions
 * request"), and a malformed `Origin` makes it throw (TypeError: Invalid URL,
 * another 500). This says the same thing Next decides, as a 403.
 *
 * The host compared is the first `X-Forwarded-Host` if there is one, else
 * `Host`, as Next does: a reverse proxy in front of the console must SET
 * X-Forwarded-Host (or pass Host unchanged), never pass a client's through.
 * A request without `Origin` passes, as in Next (browsers always send one on
 * a POST; a hand-made request carries no one else's cookies).
 */
export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function checkActionOrigin(method: string, headers: Headers): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const origin = headers.get("origin");
  if (origin === null) return { ok: true };
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return { ok: false, reason: "the request names no host to compare its Origin with" };
  if (origin === "null" || !URL.canParse(origin)) return { ok: false, reason: "the Origin header is not an origin" };
  const originHost = new URL(origin).host;
  return originHost === host ? { ok: true } : { ok: false, reason: "the request comes from another site" };
}

/** The 403 answer, shaped like every other refusal. */
export function foreignOriginResponse(reason: string): Response {
  return Response.json(
    { error: { code: "forbidden_origin", message: `Refused: ${reason}.`, details: { header: "origin" } } },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}
