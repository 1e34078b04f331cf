"use client";

import { useState } from "react";
import { ActionFailure } from "@/components/ui/action-error";
import { ReauthPrompt } from "./reauth-prompt";

/**
 * For a mutation whose action may answer `reauth_required`: `check` goes in its
 * onError (it keeps the refused attempt's input), `prompt(retry, cancel)`
 * renders the password-or-code prompt (outside any other form: it is one
 * itself) and retries with that input, and `needed` hides the raw error meanwhile.
 */
export function useReauth<Input = void>() {
  const [refused, setRefused] = useState<{ input: Input } | null>(null);
  return {
    needed: refused !== null,
    check: (err: Error, input: Input) =>
      setRefused(err instanceof ActionFailure && err.code === "reauth_required" ? { input } : null),
    prompt: (retry: (input: Input) => void, cancel: () => void) =>
      refused ? (
        <ReauthPrompt
          onConfirmed={() => {
            setRefused(null);
            retry(refused.input);
          }}
          onCancel={() => {
            setRefused(null);
            cancel();
          }}
        />
      ) : null,
  };
}
