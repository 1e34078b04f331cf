/** An expected refusal an action reports to the UI as `{ ok: false, code, message }` (lib/actions/wrapper.ts). */
export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
