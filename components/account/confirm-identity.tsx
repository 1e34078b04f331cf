"use client";

import { useRouter } from "next/navigation";
import { ReauthPrompt } from "./reauth-prompt";

/** The confirm-it-is-you page's form: afterwards back to the sensitive link that asked (an unmasked export). */
export function ConfirmIdentity({ next }: { next: string }) {
  const router = useRouter();
  return (
    <ReauthPrompt
      onConfirmed={() => (next.startsWith("/api/") ? window.location.assign(next) : router.replace(next))}
      onCancel={() => router.back()}
    />
  );
}
