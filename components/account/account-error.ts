import { useTranslations } from "next-intl";
import { ActionFailure, useErrorText } from "@/components/ui/action-error";

/** An account action's failure in the user's language: this feature's codes first, then the common ones. */
export function useAccountErrorText(): (error: Error) => string {
  const t = useTranslations("account.errors");
  const common = useErrorText();
  return (error) => {
    const key = error instanceof ActionFailure ? (error.code as Parameters<typeof t.has>[0]) : null;
    return key && t.has(key) ? t(key) : common(error);
  };
}
