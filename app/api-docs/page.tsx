import { getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/api-docs/api-reference";
import { requireUser } from "@/lib/auth/current";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("tokens"))("docs") };
}

/** The REST API's reference, rendered from /api/v1/openapi.json. */
export default async function ApiDocsPage() {
  await requireUser("calls:read");
  const t = await getTranslations("tokens");
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold tracking-tight">{t("docs")}</h1>
      <ApiReference documentUrl="/api/v1/openapi.json" />
    </div>
  );
}
