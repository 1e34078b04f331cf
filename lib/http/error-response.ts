/** The one error body of the routes: `{ error: { code, message, details } }`, 400 unless told otherwise. */
export function errorResponse(code: string, message: string, details: unknown = [], status = 400): Response {
  return Response.json({ error: { code, message, details } }, { status, headers: { "Cache-Control": "no-store" } });
}
