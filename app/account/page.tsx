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
  const section = "space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm";
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro", { email: user.email, role: tr(user.role) })}</p>
      <nav aria-label={t("nav.label")} className="flex flex-wrap gap-3 text-sm">
        <a href="#password" className="text-sky-700 underline">
          {t("nav.password")}
        </a>
        <a href="#two-factor" className="text-sky-700 underline">
          {t("nav.twoFactor")}
        </a>
        <a href="#sessions" className="text-sky-700 underline">
          {t("nav.sessions")}
        </a>
      </nav>
      <section id="password" aria-labelledby="password-heading" className={section}>
        <h2 id="password-heading" className="font-medium">
          {t("password.heading")}
        </h2>
        <ChangePasswordForm />
      </section>
      <section id="two-factor" aria-labelledby="two-factor-heading" className={section}>
        <h2 id="two-factor-heading" className="font-medium">
          {t("twoFactor.heading")}
        </h2>
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
      </section>
      <section id="sessions" aria-labelledby="sessions-heading" className={section}>
        <h2 id="sessions-heading" className="font-medium">
          {t("sessions.heading")}
        </h2>
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
      </section>
    </div>
  );
}
