import type { Locale } from "./config";
import type { Messages } from "./messages";

// Typed keys for useTranslations/getTranslations: a misspelt key fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
