/** What a failure's translated text needs beyond its code (e.g. `reason` and a number), never free text to show. */
export type ActionErrorDetail = Record<string, string | number>;

/**
 * An expected refusal an action reports to the UI as `{ ok: false, code, message }`
 * (lib/actions/wrapper.ts), with `detail` when the UI's text needs more than the code.
 */
export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: ActionErrorDetail,
  ) {
    super(message);
  }
}
