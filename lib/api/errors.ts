import { z } from "zod";

/**
 * The one error shape of the REST API: `{ "error": { "code", "message", "details" } }`.
 * Handlers throw ApiError for every expected failure; the wrapper (handler.ts)
 * turns it into the response.
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({
        description:
          "Stable, machine-readable: `invalid_parameter`, `unauthenticated`, `forbidden`, `not_found`, `rate_limited`, …",
      }),
      message: z.string().meta({ description: "For people; may change." }),
      details: z.unknown().meta({
        description:
          'What exactly was wrong, e.g. `[{ "param": "size", "message": "…" }]`; null when there is nothing to add.',
      }),
    }),
  })
  .meta({ id: "Error" });

/** A parameter that failed validation, named as the client sent it. */
export interface ParamProblem {
  param: string;
  message: string;
}

export function invalidParams(problems: ParamProblem[]): ApiError {
  const first = problems[0];
  return new ApiError(
    400,
    "invalid_parameter",
    first ? `${first.param}: ${first.message}` : "invalid parameters",
    problems,
  );
}

/** Problems of a failed zod parse, named by their path (`ids.3`), under `prefix` for a body. */
export function zodProblems(error: z.ZodError, prefix = ""): ParamProblem[] {
  return error.issues.map((i) => ({
    param: [prefix, ...i.path.map(String)].filter(Boolean).join(".") || "body",
    message: i.message,
  }));
}
