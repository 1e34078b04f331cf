"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import type { ComponentProps } from "react";
import { useErrorText } from "./action-error";
import { ConfirmDialog } from "./confirm-dialog";

/**
 * A ConfirmDialog whose confirm button runs `mutation` with `input` (none
 * for a mutation that takes none): the button waits while it runs, and its
 * failure is said in the dialog.
 */
export function MutationConfirmDialog<Data, Input>({
  mutation,
  input,
  ...dialog
}: Omit<ComponentProps<typeof ConfirmDialog>, "pending" | "error" | "onConfirm"> & {
  mutation: UseMutationResult<Data, Error, Input>;
} & NoInfer<undefined extends Input ? { input?: Input } : { input: Input }>) {
  const errorText = useErrorText();
  return (
    <ConfirmDialog
      {...dialog}
      pending={mutation.isPending}
      error={mutation.isError ? errorText(mutation.error) : null}
      onConfirm={() => mutation.mutate(input as Input)}
    />
  );
}
