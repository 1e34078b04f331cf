import type { ActionResult } from "../../actions/wrapper";
import { ApiError } from "../errors";

const STATUS: Record<string, 400 | 403 | 404 | 409> = {
  forbidden: 403,
  unauthenticated: 403,
  invalid_input: 400,
  not_found: 404,
  // Four-eyes approval: the requester may not decide their own batch.
  own_request: 403,
};

/** A server action's answer as the API's: the data, or the error shape with the action's own code and message. */
export function unwrap<T>(result: ActionResult<T>, details: unknown = null): T {
  if (result.ok) return result.data;
  throw new ApiError(STATUS[result.code] ?? 409, result.code, result.message, details);
}
