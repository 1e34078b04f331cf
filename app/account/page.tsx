import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionsList } from "@/components/account/sessions-list";
import { RegenerateRecoveryCodes, TwoFactorSetup } from "@/components/account/two-factor-setup";
import { getFormat } from "@/components/ui/get-format";
import { listOwnSessions, twoFactorStatus } from "@/lib/account/data";
import { currentSession, requireUser } from "@/lib/auth/current";
import { requires2fa } from "@/lib/auth/steps";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

/** The page's sections, in order: each one's anchor and its key in the messages. */
const SECTIONS = [
  { id: "password", key: "password" },
  { id: "two-factor", key: "twoFactor" },
  { id: "sessions", key: "sessions" },
] as const;

const box = "space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm";

/** One concern's box, reached by its anchor (`id`) and named by its heading. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={box}>
      <h2 id={`${id}-heading`} className="font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The account hub: one section per concern, each with an anchor, so that
 * further sections (personal access tokens at /account/tokens) sit beside them.
 */
export default async function AccountPage() {
  const user = await requireUser("account:self");
  const session = (await currentSession())!;
  const [twoFactor, sessions] = await Promise.all([twoFactorStatus(user.id), listOwnSessions(user.id)]);
  const t = await getTranslations("account");
  const tr = await getTranslations("common.roles");
  const fmt = await getFormat();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro", { email: user.email, role: tr(user.role) })}</p>
      <nav aria-label={t("nav.label")} className="flex flex-wrap gap-3 text-sm">
        {SECTIONS.map(({ id, key }) => (
          <a key={id} href={`#${id}`} className="text-sky-700 underline">
            {t(`nav.${key}`)}
          </a>
        ))}
      </nav>
      <Section id="password" title={t("password.heading")}>
        <ChangePasswordForm />
      </Section>
      <Section id="two-factor" title={t("twoFactor.heading")}>
        {twoFactor.enabledAt ? (
          <>
            <p data-testid="two-factor-status">
              {t("twoFactor.on", { since: fmt.dateTime(twoFactor.enabledAt), left: twoFactor.recoveryCodesLeft })}
            </p>
            <RegenerateRecoveryCodes />
          </>
        ) : (
          <>
            <p data-testid="two-factor-status">{requires2fa(user) ? t("twoFactor.required") : t("twoFactor.off")}</p>
            <TwoFactorSetup />
          </>
        )}
      </Section>
      <Section id="sessions" title={t("sessions.heading")}>
        <SessionsList
          sessions={sessions.map((s) => ({
            id: s.id.toString(),
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
            address: s.address,
            userAgent: s.userAgent,
            current: s.id === session.sessionId,
          }))}
        />
      </Section>
    </div>
  );
}
