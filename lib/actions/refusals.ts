import type { ActionError } from "./action-error";

/**
 * How an action turns what its mutation answered into an expected refusal
 * (lib/actions/wrapper.ts reports it as `{ ok: false, code, message }`).
 */

/**
 * The mutation's answer when it acted, or `refusal()` thrown when it did not
 * (it answered null, undefined or false: no such row, or not in a state for it).
 */
export function orRefuse<T>(answer: T | null | undefined | false, refusal: () => ActionError): T {
  if (answer === null || answer === undefined || answer === false) throw refusal();
  return answer;
}

/**
 * Runs `work`; an error that `refusalFor` recognises (the mutation's own error
 * class, e.g. a name already taken) becomes that refusal, any other stays a fault.
 */
export async function refusing<T>(
  work: () => Promise<T>,
  refusalFor: (err: unknown) => ActionError | null,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw refusalFor(err) ?? err;
  }
}
