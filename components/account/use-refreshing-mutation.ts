"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useReauth } from "./use-reauth";

/**
 * A mutation of an action that may ask for the password again: once it
 * succeeds the page is read again (`router.refresh()`); a `reauth_required`
 * refusal keeps its input for `reauth.prompt(...)`, which the caller renders.
 */
export function useRefreshingMutation<Data, Input = void>(run: (input: Input) => Promise<Data>) {
  const router = useRouter();
  const reauth = useReauth<Input>();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: () => router.refresh(),
    onError: reauth.check,
  });
  return { mutation, reauth };
}
