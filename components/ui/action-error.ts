import { useTranslations } from "next-intl";
import { useCallback } from "react";

/**
 * A server action's `{ ok: false, code, message }`, thrown in a mutation so
 * that the UI can say it in the user's language by its code.
 */
export class ActionFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The values a failure's translated text needs (e.g. a reason code), when the action gave them. */
    readonly detail?: Record<string, string | number>,
  ) {
    super(message);
  }
}

/** Throws the failure of an action result, returns its data otherwise. */
export function unwrap<
  R extends
    | { ok: true; data: unknown }
    | { ok: false; code: string; message: string; detail?: Record<string, string | number> },
>(result: R): Extract<R, { ok: true }>["data"] {
  if (!result.ok) throw new ActionFailure(result.code, result.message, result.detail);
  return (result as Extract<R, { ok: true }>).data;
}

/** The text for an error: translated by code when there is a translation, else the server's message. */
export function useErrorText(): (error: Error) => string {
  const t = useTranslations("errors");
  // Stable while the language is: hooks may list it among their dependencies.
  return useCallback(
    (error: Error) => {
      const key = error instanceof ActionFailure ? (error.code as Parameters<typeof t.has>[0]) : null;
      return key && t.has(key) ? t(key, { message: error.message }) : error.message;
    },
    [t],
  );
}
