import { getTranslations } from "next-intl/server";
import { ParamErrors } from "./param-errors";
import { parseInt64Id } from "@/lib/input/schema";

/**
 * The notice for a URL parameter that names something the page did not find
 * (`?edit=<id>`, `?v=<version>`): said above what the page shows instead (a
 * new form, the latest version) rather than silently dropped. Nothing when
 * the parameter is absent or what it names was found.
 */
export async function MissingParamNotice({
  param,
  value,
  found,
  kind = "id",
}: {
  param: string;
  value: string | string[] | undefined;
  found: boolean;
  kind?: "id" | "other";
}) {
  if (value === undefined || value === "" || found) return null;
  const t = await getTranslations("input.ignored");
  const given = Array.isArray(value) ? value.join(",") : value;
  const message = kind === "id" && parseInt64Id(given) === null ? t("id") : t("missing");
  return <ParamErrors title={t("title")} errors={[{ param, value: given, message }]} />;
}
