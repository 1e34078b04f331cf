import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DEMO_USERS } from "@/lib/auth/bootstrap";
import { currentUser } from "@/lib/auth/current";
import { oidcSettings, START_PATH } from "@/lib/auth/oidc/settings";
import { getEnv } from "@/lib/env";
import { safeLocalPath } from "@/lib/http/safe-redirect";

export const dynamic = "force-dynamic";

const SSO_REFUSALS = ["not_configured", "unavailable", "failed", "no_role", "disabled", "no_email"] as const;

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; password?: string | string[]; sso?: string | string[] }>;
}) {
  const { next: raw, password, sso } = await searchParams;
  const next = safeLocalPath(raw);
  if (await currentUser()) redirect(next);
  const env = getEnv();
  const t = await getTranslations();
  const singleSignOn = oidcSettings(env);
  const refusal = typeof sso === "string" && (SSO_REFUSALS as readonly string[]).includes(sso) ? sso : null;
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-8">
      <h1 className="text-xl font-semibold tracking-tight">{t("auth.heading")}</h1>
      {password === "set" ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
          {t("account.setPassword.done")}
        </p>
      ) : null}
      {refusal ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          {t(`sso.refused.${refusal as (typeof SSO_REFUSALS)[number]}`)}
        </p>
      ) : null}
      {singleSignOn ? (
        <div className="space-y-2">
          <a
            href={`${START_PATH}?next=${encodeURIComponent(next)}`}
            className="block w-full rounded bg-slate-900 px-3 py-2 text-center text-sm font-medium text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500"
          >
            {t("sso.button", { name: singleSignOn.name })}
          </a>
          <p className="text-center text-xs text-slate-500">{t("sso.or")}</p>
        </div>
      ) : null}
      <SignInForm next={next} />
      {env.DEMO_MODE ? (
        <aside
          aria-label={t("auth.demo.label")}
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
        >
          <p className="font-medium">
            {t.rich("auth.demo.intro", {
              password: env.DEMO_PASSWORD,
              code: (chunks) => <code className="rounded bg-white px-1">{chunks}</code>,
            })}
          </p>
          <ul className="mt-2 space-y-0.5 font-mono text-xs">
            {DEMO_USERS.map((u) => (
              <li key={u.email}>
                {u.email} <span className="text-amber-800">({t(`common.roles.${u.role}`)})</span>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </div>
  );
}
