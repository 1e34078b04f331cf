import "server-only";
import { errorResponse } from "../http/error-response";
import type { ParamProblem } from "./schema";

/** The answer of a bundle download: a ZIP, never cached. */
export function bundleResponse(body: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

export function invalidEvidenceParams(errors: ParamProblem[]): Response {
  return errorResponse(
    "invalid_parameter",
    `invalid parameter${errors.length > 1 ? "s" : ""}: ${errors.map((e) => e.param).join(", ")}`,
    errors,
  );
}
