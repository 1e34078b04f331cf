"use client";

import { useState } from "react";
import { ActionFailure } from "@/components/ui/action-error";
import { ReauthPrompt } from "./reauth-prompt";

/**
 * For a mutation whose action may answer `reauth_required`: `check` goes in its
 * onError, `prompt(retry, cancel)` renders the password-or-code prompt (outside
 * any other form: it is one itself), and `needed` hides the raw error meanwhile.
 */
export function useReauth() {
  const [needed, setNeeded] = useState(false);
  return {
    needed,
    check: (err: Error) => setNeeded(err instanceof ActionFailure && err.code === "reauth_required"),
    prompt: (retry: () => void, cancel: () => void) =>
      needed ? (
        <ReauthPrompt
          onConfirmed={() => {
            setNeeded(false);
            retry();
          }}
          onCancel={() => {
            setNeeded(false);
            cancel();
          }}
        />
      ) : null,
  };
}
