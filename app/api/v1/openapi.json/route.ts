import { openApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 document, generated from the routes' own zod schemas; public, like the reference page. */
export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
