"use client";

import { useErrorText } from "./action-error";

/**
 * Why an action failed, said in the user's language (`useErrorText`) and
 * announced; nothing while there is no error (a mutation's `error` is null
 * unless it failed).
 */
export function ActionErrorAlert({ error, className = "text-red-700" }: { error: Error | null; className?: string }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <p role="alert" className={className}>
      {errorText(error)}
    </p>
  );
}
