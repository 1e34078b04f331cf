/**
 * Why an action failed, as one alert line under the control that ran it;
 * nothing while there is no failure. `text` says the error in the user's
 * language (`useErrorText()` or a feature's own); `className` sets its size.
 */
export function FailureLine({
  error,
  text,
  className = "text-red-700",
}: {
  error: Error | null;
  text: (error: Error) => string;
  className?: string;
}) {
  if (!error) return null;
  return (
    <p role="alert" className={className}>
      {text(error)}
    </p>
  );
}
