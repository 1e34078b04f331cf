import { fileURLToPath } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { openApiDocument } from "../../lib/api/openapi";

export const API_TYPES_FILE = fileURLToPath(new URL("./v1.d.ts", import.meta.url));

/** The API's types as openapi-typescript generates them from the document /api/v1/openapi.json serves. */
export async function generateApiTypes(): Promise<string> {
  // Fields with a default are optional to send (openapi-typescript would otherwise make them required everywhere).
  const ast = await openapiTS(openApiDocument() as unknown as Parameters<typeof openapiTS>[0], {
    defaultNonNullable: false,
  });
  return COMMENT_HEADER + astToString(ast);
}
