import { useErrorText } from "./action-error";

/**
 * Why an action failed, as one alert line under (or beside, `as="span"`) the
 * control that ran it; nothing while there is no failure. `text` says the
 * error in the user's language: a feature's own, else `useErrorText()`'s;
 * `className` sets its size.
 */
export function FailureLine({
  error,
  text,
  as: Tag = "p",
  className = "text-red-700",
}: {
  error: Error | null;
  text?: (error: Error) => string;
  as?: "p" | "span";
  className?: string;
}) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Tag role="alert" className={className}>
      {(text ?? errorText)(error)}
    </Tag>
  );
}
