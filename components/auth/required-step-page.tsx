import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { SearchParams } from "@/components/ui/page-props";
import { requireStepPage } from "@/lib/auth/current";
import { RequiredStep } from "./required-step";

/** What the page of each step owed in the frame says (`account` messages), and whether its form needs the wide frame. */
const STEPS = {
  change_password: { title: "first.title", heading: "first.heading", intro: "first.intro", wide: false },
  enrol_2fa: {
    title: "twoFactor.forcedTitle",
    heading: "twoFactor.forcedTitle",
    intro: "twoFactor.required",
    wide: true,
  },
} as const;

type FramedStep = keyof typeof STEPS;

/** The title of a required step's page. */
export function requiredStepMetadata(step: FramedStep) {
  return async function generateMetadata() {
    return { title: (await getTranslations("account"))(STEPS[step].title) };
  };
}

/**
 * The page of a step an account owes before anything else: only the session
 * owing `step` sees it (anyone else goes where they belong); `form` is the
 * step's form, given where to go once it is done.
 */
export function requiredStepPage(step: FramedStep, form: (next: string) => ReactNode) {
  const text = STEPS[step];
  return async function RequiredStepPage({ searchParams }: { searchParams: SearchParams }) {
    const { next } = await requireStepPage(step, searchParams);
    const t = await getTranslations("account");
    return (
      <RequiredStep heading={t(text.heading)} intro={t(text.intro)} wide={text.wide}>
        {form(next)}
      </RequiredStep>
    );
  };
}
