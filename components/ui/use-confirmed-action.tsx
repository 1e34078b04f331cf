"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ComponentProps } from "react";
import { ConfirmDialog } from "./confirm-dialog";

type DialogText = Omit<ComponentProps<typeof ConfirmDialog>, "pending" | "onConfirm" | "onClose">;

/**
 * An action that a ConfirmDialog runs (send a test, start a retention run,
 * remove a hold): `ask()` opens the dialog, `dialog(...)` renders it while it
 * is open (its texts, error and body are the caller's), and once the action
 * succeeds the dialog closes and the page refreshes. `action` is the mutation
 * itself (its state, its result; it can also run without asking).
 */
export function useConfirmedAction<T>({
  run,
  onSuccess,
  onError,
}: {
  run: () => Promise<T>;
  onSuccess?: () => void;
  onError?: (error: Error) => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const action = useMutation({
    mutationFn: run,
    onSuccess: () => {
      onSuccess?.();
      setOpen(false);
      router.refresh();
    },
    onError,
  });
  return {
    action,
    open,
    ask: () => setOpen(true),
    dialog: (text: DialogText) =>
      open ? (
        <ConfirmDialog
          {...text}
          pending={action.isPending}
          onConfirm={() => action.mutate()}
          onClose={() => setOpen(false)}
        />
      ) : null,
  };
}
