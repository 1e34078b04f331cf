import type { Locale } from "../config";

/**
 * Every namespace of UI text, one line each: `lib/i18n/messages/<locale>/<namespace>.json`.
 * Add a namespace by adding its two files and one line here (keep the lines in
 * alphabetical order). `messages.test.ts` checks that both languages have the
 * same keys and that every message parses.
 */
export const NAMESPACES = {
  admin: { zh: () => import("./zh/admin.json"), en: () => import("./en/admin.json") },
  audit: { zh: () => import("./zh/audit.json"), en: () => import("./en/audit.json") },
  auth: { zh: () => import("./zh/auth.json"), en: () => import("./en/auth.json") },
  calls: { zh: () => import("./zh/calls.json"), en: () => import("./en/calls.json") },
  common: { zh: () => import("./zh/common.json"), en: () => import("./en/common.json") },
  dashboard: { zh: () => import("./zh/dashboard.json"), en: () => import("./en/dashboard.json") },
  errors: { zh: () => import("./zh/errors.json"), en: () => import("./en/errors.json") },
  jobs: { zh: () => import("./zh/jobs.json"), en: () => import("./en/jobs.json") },
  review: { zh: () => import("./zh/review.json"), en: () => import("./en/review.json") },
  shell: { zh: () => import("./zh/shell.json"), en: () => import("./en/shell.json") },
  submissions: { zh: () => import("./zh/submissions.json"), en: () => import("./en/submissions.json") },
} satisfies Record<string, Record<Locale, () => Promise<{ default: unknown }>>>;

export type Namespace = keyof typeof NAMESPACES;

/** The shape of all messages (taken from the Chinese files, which are the reference). */
export type Messages = { [N in Namespace]: Awaited<ReturnType<(typeof NAMESPACES)[N]["zh"]>>["default"] };

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    Object.entries(NAMESPACES).map(async ([namespace, files]) => [namespace, (await files[locale]()).default] as const),
  );
  return Object.fromEntries(entries) as Messages;
}
