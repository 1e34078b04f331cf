"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * A download that asks why first: a button opens a small dialog with a
 * required reason (5 to 500 characters, as the server demands), then a plain
 * GET form downloads from `action`, so the browser streams the file to disk
 * however large it is. The server refuses without a reason and puts it on the
 * audit trail. `children` are further fields of the form; `hidden` its fixed
 * parameters. Escape or Cancel closes it.
 */
export interface ReasonDownloadProps {
  action: string;
  hidden?: readonly (readonly [string, string])[];
  labels: { button: string; title: string; why: string; note: string; go: string; cancel: string };
  /** "warning": personal data leaves the console unmasked. */
  tone: "warning" | "plain";
  /** Opens over the content below the button (in a relative container) rather than in place of it. */
  floating?: boolean;
  testIds: { button: string; reason?: string; go?: string };
  children?: ReactNode;
}

const TONES = {
  warning: {
    button: "border-amber-400 text-amber-900 hover:bg-amber-50",
    dialog: "border-amber-300",
    go: "bg-amber-600 hover:bg-amber-700",
  },
  plain: {
    button: "border-slate-300 text-slate-800 hover:bg-slate-50",
    dialog: "border-slate-300",
    go: "bg-sky-700 hover:bg-sky-800",
  },
};

export function ReasonDownload({
  action,
  hidden = [],
  labels,
  tone,
  floating,
  testIds,
  children,
}: ReasonDownloadProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const titleId = useId();
  const classes = TONES[tone];
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={`rounded border bg-white px-3 py-1.5 text-sm ${classes.button}`}
        data-testid={testIds.button}
      >
        {labels.button}
      </button>
    );
  }
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
      className={`${floating ? "absolute right-0 top-full z-20 mt-1 " : ""}w-80 rounded-lg border bg-white p-3 text-sm shadow-lg ${classes.dialog}`}
    >
      <form method="get" action={action} onSubmit={() => setTimeout(() => setOpen(false), 0)} className="space-y-2">
        <h2 id={titleId} className="font-semibold">
          {labels.title}
        </h2>
        {hidden.map(([k, v], i) => (
          <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
        ))}
        {children}
        <label className="block">
          <span className="text-slate-700">{labels.why}</span>
          <input
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={5}
            maxLength={500}
            autoFocus
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
            data-testid={testIds.reason}
          />
        </label>
        <p className="text-xs text-slate-600">{labels.note}</p>
        <div className="flex gap-2">
          <button
            type="submit"
            disabled={reason.trim().length < 5}
            className={`rounded px-3 py-1 font-medium text-white disabled:bg-slate-400 ${classes.go}`}
            data-testid={testIds.go}
          >
            {labels.go}
          </button>
          <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-300 px-3 py-1">
            {labels.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}
