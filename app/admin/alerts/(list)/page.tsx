import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ChannelForm } from "@/components/alerts/channel-form";
import { getFormat } from "@/components/ui/get-format";
import { listChannels, maskedUrl } from "@/lib/alerts/data";
import { SUBSCRIBABLE_KINDS } from "@/lib/alerts/kinds";
import { requireUser } from "@/lib/auth/current";
import { ListTable } from "@/components/ui/list-table";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}

/** The notification channels, each with its newest delivery, and the form for a new one. */
export default async function AlertsPage() {
  await requireUser("alerts:manage");
  const [channels, t, fmt] = await Promise.all([listChannels(), getTranslations("alerts"), getFormat()]);
  return (
    <div className="max-w-5xl space-y-4">
      <ListTable
        text={{ title: t("title"), intro: t("intro"), empty: t("empty") }}
        empty={channels.length === 0}
        columns={(["name", "type", "url", "events", "state", "last"] as const).map((c) => t(`columns.${c}`))}
      >
        {channels.map((c) => (
          <tr key={c.id.toString()} data-testid="channel-row">
            <td className="px-3 py-2">
              <Link href={`/admin/alerts/${c.id}`} className="font-medium text-sky-700 underline">
                {c.name}
              </Link>
            </td>
            <td className="px-3 py-2">{t(`types.${c.type}`)}</td>
            <td className="max-w-xs truncate px-3 py-2 font-mono text-xs">{maskedUrl(c.url)}</td>
            <td className="px-3 py-2" title={c.events.join(", ")}>
              {t("eventCount", { count: SUBSCRIBABLE_KINDS.filter((k) => c.events.includes(k)).length })}
            </td>
            <td className="px-3 py-2">{c.enabled ? t("enabled") : t("disabled")}</td>
            <td className="px-3 py-2">
              {c.lastDelivery ? (
                <>
                  {t(`states.${c.lastDelivery.state}`)} · {fmt.dateTime(c.lastDelivery.createdAt)}
                  {c.lastDelivery.lastError ? (
                    <span className="block text-xs text-red-700">{c.lastDelivery.lastError}</span>
                  ) : null}
                </>
              ) : (
                t("never")
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      <ChannelForm
        initial={{
          name: "",
          type: "webhook",
          url: "",
          events: [...SUBSCRIBABLE_KINDS],
          enabled: true,
          hasSecret: false,
        }}
      />
    </div>
  );
}
