import { useTranslations } from "next-intl";
import { isKnownResultStatus } from "@/lib/call-records/notation";

const COLORS: Record<string, string> = {
  ANSWERED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  TRANSFER_ARTIFICIAL: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  NO_ANSWER: "bg-slate-100 text-slate-700 ring-slate-200",
  BUSY: "bg-amber-50 text-amber-800 ring-amber-200",
  REFUSED: "bg-orange-50 text-orange-800 ring-orange-200",
  POWER_OFF: "bg-slate-100 text-slate-700 ring-slate-200",
  OUT_OF_SERVICE: "bg-rose-50 text-rose-800 ring-rose-200",
  VACANT_NUMBER: "bg-rose-50 text-rose-800 ring-rose-200",
  SYSTEM_ERROR: "bg-red-50 text-red-800 ring-red-200",
  FROM_PHONE_ERROR: "bg-red-50 text-red-800 ring-red-200",
};

/** A result status's label in the user's language for the known vendor codes; any other code as it is. */
export function useResultStatusLabel(): (status: string) => string {
  const t = useTranslations("views.resultStatus");
  return (status) => (isKnownResultStatus(status) ? t(status) : status);
}

/** The platform's result status: its label, with the wire value (ANSWERED, BUSY, …) on hover and for screen readers. */
export function ResultStatusBadge({ status }: { status: string | null }) {
  const label = useResultStatusLabel();
  if (!status) return <span className="text-slate-500">–</span>;
  const known = isKnownResultStatus(status);
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-[11px] ring-1 ring-inset ${known ? "" : "font-mono "}${COLORS[status] ?? "bg-sky-50 text-sky-800 ring-sky-200"}`}
      title={known ? status : undefined}
      data-code={status}
      data-testid="result-status"
    >
      {label(status)}
      {known ? <span className="sr-only"> ({status})</span> : null}
    </span>
  );
}

const SUBMISSION_CLASS: Record<string, string> = {
  not_submitted: "text-slate-500",
  queued: "text-sky-700",
  in_flight: "text-sky-700",
  accepted: "text-emerald-700",
  rejected: "text-red-700",
  retrying: "text-amber-700",
  failed: "text-red-700",
};

/** A submission state value (`common.submission.<state>`), or the value itself when it is not a known one. */
export function useStateLabel() {
  const t = useTranslations("common");
  return (group: "submission" | "review", state: string): string => {
    const key = `${group}.${state}` as Parameters<typeof t.has>[0];
    return t.has(key) ? t(key) : state;
  };
}

export function SubmissionCell({
  state,
  code,
  message,
}: {
  state: string;
  code: string | null;
  message: string | null;
}) {
  const label = useStateLabel();
  return (
    <span className={SUBMISSION_CLASS[state] ?? ""} title={message ?? undefined}>
      {label("submission", state)}
      {code ? <span className="ml-1 font-mono text-[11px] text-slate-500">({code})</span> : null}
    </span>
  );
}

export function ReviewState({ state }: { state: string }) {
  return <>{useStateLabel()("review", state)}</>;
}
