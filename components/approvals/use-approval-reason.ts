import { useTranslations } from "next-intl";

/** Why a batch waits for approval, by its code in the user's language (the code itself for one this page does not know). */
export function useApprovalReason() {
  const tr = useTranslations("approval.reasons");
  return (code: string) => (tr.has(code as Parameters<typeof tr.has>[0]) ? tr(code as Parameters<typeof tr>[0]) : code);
}
