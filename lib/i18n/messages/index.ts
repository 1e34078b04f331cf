import type { Locale } from "../config";

/**
 * Every namespace of UI text, one line each: `lib/i18n/messages/<locale>/<namespace>.json`.
 * Add a namespace by adding its two files and one line here (keep the lines in
 * alphabetical order). `messages.test.ts` checks that both languages have the
 * same keys and that every message parses.
 */
export const NAMESPACES = {
  account: { zh: () => import("./zh/account.json"), en: () => import("./en/account.json") },
  admin: { zh: () => import("./zh/admin.json"), en: () => import("./en/admin.json") },
  alerts: { zh: () => import("./zh/alerts.json"), en: () => import("./en/alerts.json") },
  approval: { zh: () => import("./zh/approval.json"), en: () => import("./en/approval.json") },
  audio: { zh: () => import("./zh/audio.json"), en: () => import("./en/audio.json") },
  audit: { zh: () => import("./zh/audit.json"), en: () => import("./en/audit.json") },
  auth: { zh: () => import("./zh/auth.json"), en: () => import("./en/auth.json") },
  calls: { zh: () => import("./zh/calls.json"), en: () => import("./en/calls.json") },
  common: { zh: () => import("./zh/common.json"), en: () => import("./en/common.json") },
  compliance: { zh: () => import("./zh/compliance.json"), en: () => import("./en/compliance.json") },
  confirm: { zh: () => import("./zh/confirm.json"), en: () => import("./en/confirm.json") },
  corrections: { zh: () => import("./zh/corrections.json"), en: () => import("./en/corrections.json") },
  dashboard: { zh: () => import("./zh/dashboard.json"), en: () => import("./en/dashboard.json") },
  errors: { zh: () => import("./zh/errors.json"), en: () => import("./en/errors.json") },
  input: { zh: () => import("./zh/input.json"), en: () => import("./en/input.json") },
  jobs: { zh: () => import("./zh/jobs.json"), en: () => import("./en/jobs.json") },
  quality: { zh: () => import("./zh/quality.json"), en: () => import("./en/quality.json") },
  reconciliation: { zh: () => import("./zh/reconciliation.json"), en: () => import("./en/reconciliation.json") },
  retention: { zh: () => import("./zh/retention.json"), en: () => import("./en/retention.json") },
  review: { zh: () => import("./zh/review.json"), en: () => import("./en/review.json") },
  rules: { zh: () => import("./zh/rules.json"), en: () => import("./en/rules.json") },
  scorecards: { zh: () => import("./zh/scorecards.json"), en: () => import("./en/scorecards.json") },
  shell: { zh: () => import("./zh/shell.json"), en: () => import("./en/shell.json") },
  sso: { zh: () => import("./zh/sso.json"), en: () => import("./en/sso.json") },
  submissions: { zh: () => import("./zh/submissions.json"), en: () => import("./en/submissions.json") },
  transcripts: { zh: () => import("./zh/transcripts.json"), en: () => import("./en/transcripts.json") },
  views: { zh: () => import("./zh/views.json"), en: () => import("./en/views.json") },
  tokens: { zh: () => import("./zh/tokens.json"), en: () => import("./en/tokens.json") },
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

/**
 * The namespaces that code running in the browser reads (client components and
 * what they import). Only these go into the page, through the root layout's
 * NextIntlClientProvider: the others (audit, dashboard, jobs) are
 * rendered on the server only and would be dead weight in every page's
 * payload. `client-namespaces.test.ts` keeps this list equal to what the
 * client components use.
 */
export const CLIENT_NAMESPACES = [
  "account",
  "admin",
  "alerts",
  "approval",
  "audio",
  "auth",
  "calls",
  "common",
  "corrections",
  "compliance",
  "confirm",
  "errors",
  "retention",
  "review",
  "rules",
  "scorecards",
  "shell",
  "submissions",
  "tokens",
  "transcripts",
  "views",
] as const satisfies readonly Namespace[];

export function pickClientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]])) as Pick<
    Messages,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}
