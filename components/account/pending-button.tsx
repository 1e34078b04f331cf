/** An account step's main button: disabled while its action runs, and saying so (`busy`) meanwhile. */
export function PendingButton({
  pending,
  label,
  busy,
  onClick,
}: {
  pending: boolean;
  label: string;
  busy: string;
  /** A plain button that runs this; without it, the form's submit button. */
  onClick?: () => void;
}) {
  return (
    <button
      type={onClick ? "button" : "submit"}
      onClick={onClick}
      disabled={pending}
      className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
    >
      {pending ? busy : label}
    </button>
  );
}
