"use client";

import { useErrorText } from "./action-error";

/** A failed action's error in the user's language, beside what asked for it; nothing while there is none. */
export function ActionErrorNote({
  error,
  as: Tag = "span",
  className,
}: {
  error: Error | null;
  as?: "p" | "span";
  className: string;
}) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Tag role="alert" className={className}>
      {errorText(error)}
    </Tag>
  );
}
