"use client";

import { useState } from "react";
import { PreSubmitDialog } from "./pre-submit-dialog";

export function ResubmitJobFailuresButton({ jobId, failures }: { jobId: string; failures: number }) {
  const [open, setOpen] = useState(false);
  if (!failures) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-sm font-medium text-sky-700 underline">
        Resubmit failures…
      </button>
      {open ? (
        <PreSubmitDialog
          selection={{ type: "job", jobId }}
          label={`The ${failures} rejected and given-up records of job ${jobId}.`}
          onlyFailures
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
