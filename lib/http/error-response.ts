/** The one error body of the routes: `{ error: { code, message, details } }`, 400 unless told otherwise. */
export function errorResponse(code: string, message: string, details: unknown = [], status = 400): Response {
  return Response.json({ error: { code, message, details } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** 400 for a route's `[id]` segment that is not an int64 id; `what` says which id it is ("a batch id"). */
export function invalidIdResponse(id: string, what: string): Response {
  return errorResponse("invalid_id", `id: ${what} is digits, at most 9223372036854775807`, [
    { param: "id", value: id.slice(0, 40) },
  ]);
}
