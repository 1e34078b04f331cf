import { getTranslations } from "next-intl/server";
import { ForbiddenNotice } from "@/components/auth/forbidden-notice";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("common.forbidden"))("title") };
}

/** Kept for links to /forbidden; pages a role may not see answer 403 through app/forbidden.tsx. */
export default function ForbiddenPage() {
  return <ForbiddenNotice />;
}
