import { getTranslations } from "next-intl/server";
import { DeleteAlertChannel, SendTestAlert, ToggleAlertChannel } from "@/components/alerts/channel-controls";
import { ChannelForm } from "@/components/alerts/channel-form";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { IgnoredParams } from "@/components/input/ignored-params";
import type { IdPageProps } from "@/components/ui/page-props";
import { DetailPage } from "@/components/ui/detail-page";
import { pickFields } from "@/components/ui/pick-fields";
import { requirePageRecord } from "@/components/ui/page-record";
import { getChannel, listDeliveries } from "@/lib/alerts/data";
import { getEnv } from "@/lib/env";
import { parseInt64Id } from "@/lib/input/schema";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}

/** One channel: its settings (the secret only as set / not set), "send test", and its delivery log. */
export default async function AlertChannelPage({ params, searchParams }: IdPageProps) {
  const { record: channel } = await requirePageRecord("alerts:manage", params, getChannel);
  const raw = (await searchParams).before;
  const before = typeof raw === "string" ? parseInt64Id(raw) : null;
  const badBefore = raw !== undefined && before === null;
  const [page, t] = await Promise.all([listDeliveries(channel.id, before), getTranslations("alerts")]);
  const channelId = channel.id.toString();
  return (
    <DetailPage back={{ href: "/admin/alerts", label: t("back") }}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">
          {channel.name}{" "}
          <span className="text-sm font-normal text-slate-600">
            {t(`types.${channel.type}`)} · {channel.enabled ? t("enabled") : t("disabled")}
          </span>
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <SendTestAlert channelId={channelId} name={channel.name} />
          <ToggleAlertChannel channelId={channelId} enabled={channel.enabled} />
          <DeleteAlertChannel channelId={channelId} name={channel.name} />
        </div>
      </div>
      <IgnoredParams errors={badBefore ? [{ param: "before", kind: "id", value: String(raw).slice(0, 40) }] : []} />
      <ChannelForm
        channelId={channelId}
        initial={pickFields(channel, ["name", "type", "url", "events", "enabled", "hasSecret"])}
      />
      <DeliveryLog page={page} channelId={channelId} paged={before !== null} timeZone={getEnv().DISPLAY_TIME_ZONE} />
    </DetailPage>
  );
}
