import { useTranslations } from "next-intl";
import type { GatewayInfo } from "@/lib/gateway/info";

/** Which TOP gateway submissions go to; the local emulator is flagged so nobody mistakes a demo for production. */
export function GatewayBadge({ gateway }: { gateway: GatewayInfo }) {
  const t = useTranslations("shell.gateway");
  if (!gateway.configured) {
    return (
      <span
        data-testid="gateway-badge"
        className="rounded border border-red-300 bg-red-50 px-2 py-1 text-xs font-medium text-red-800"
      >
        {t("notConfigured")}
      </span>
    );
  }
  if (gateway.emulator) {
    return (
      <span
        data-testid="gateway-badge"
        title={t("emulatorTitle", { host: gateway.host ?? "" })}
        className="rounded border border-amber-400 bg-amber-50 px-2 py-1 text-xs font-semibold text-amber-900"
      >
        {t("emulator", { host: gateway.host ?? "" })}
      </span>
    );
  }
  return (
    <span
      data-testid="gateway-badge"
      className="rounded border border-emerald-300 bg-emerald-50 px-2 py-1 text-xs font-medium text-emerald-900"
    >
      {t("real", { host: gateway.host ?? "" })}
    </span>
  );
}
