import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DeleteAlertChannel, SendTestAlert, ToggleAlertChannel } from "@/components/alerts/channel-controls";
import { ChannelForm } from "@/components/alerts/channel-form";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { IgnoredParams } from "@/components/input/ignored-params";
import type { IdPageProps } from "@/components/ui/page-props";
import { getChannel, listDeliveries } from "@/lib/alerts/data";
import { requireUser } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { parseInt64Id } from "@/lib/input/schema";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}

/** One channel: its settings (the secret only as set / not set), "send test", and its delivery log. */
export default async function AlertChannelPage({ params, searchParams }: IdPageProps) {
  await requireUser("alerts:manage");
  const id = parseInt64Id((await params).id);
  const channel = id === null ? null : await getChannel(id);
  if (!channel) notFound();
  const raw = (await searchParams).before;
  const before = typeof raw === "string" ? parseInt64Id(raw) : null;
  const badBefore = raw !== undefined && before === null;
  const [page, t] = await Promise.all([listDeliveries(channel.id, before), getTranslations("alerts")]);
  const channelId = channel.id.toString();
  return (
    <div className="max-w-5xl space-y-4">
      <BackLink href="/admin/alerts" underline="always">
        {t("back")}
      </BackLink>
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
        initial={{
          name: channel.name,
          type: channel.type,
          url: channel.url,
          events: channel.events,
          enabled: channel.enabled,
          hasSecret: channel.hasSecret,
        }}
      />
      <DeliveryLog page={page} channelId={channelId} paged={before !== null} timeZone={getEnv().DISPLAY_TIME_ZONE} />
    </div>
  );
}
