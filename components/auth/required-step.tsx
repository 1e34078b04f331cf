import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/auth/actions";

/**
 * The frame of a step an account owes before anything else (a first
 * password, a second factor): what it is, why, the step's form, and a way
 * out (sign out) for someone who cannot do it now.
 */
export async function RequiredStep({
  heading,
  intro,
  wide,
  children,
}: {
  heading: string;
  intro: string;
  /** Room for a QR code and recovery codes. */
  wide?: boolean;
  children: ReactNode;
}) {
  const t = await getTranslations("shell.user");
  return (
    <div className={`mx-auto space-y-6 pt-8 ${wide ? "max-w-md text-sm" : "max-w-sm"}`}>
      <h1 className="text-xl font-semibold tracking-tight">{heading}</h1>
      <p className="text-sm text-slate-700">{intro}</p>
      {children}
      <form action={signOutAction}>
        <button type="submit" className="text-sm text-sky-700 underline">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
