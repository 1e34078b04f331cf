"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { unwrap } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { useFormat } from "@/components/ui/use-format";
import { endOtherSessions, endSession } from "@/lib/account/actions";
import { useAccountErrorText } from "./account-error";
import { ColumnsHead } from "@/components/ui/columns-head";
import { textButton } from "@/components/ui/styles";

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A browser's name and platform from its User-Agent, for people (the full string is in the title). */
function browserOf(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrome\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : /curl\//.test(ua)
            ? "curl"
            : null;
  const os = /Windows/.test(ua)
    ? "Windows"
    : /Android/.test(ua)
      ? "Android"
      : /iPhone|iPad/.test(ua)
        ? "iOS"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : null;
  return [browser, os].filter(Boolean).join(" · ") || ua.slice(0, 40);
}

export function SessionsList({ sessions }: { sessions: SessionView[] }) {
  const t = useTranslations("account.sessions");
  const fmt = useFormat();
  const errorText = useAccountErrorText();
  const router = useRouter();
  const end = useMutation({
    mutationFn: async (which: string | "others") =>
      unwrap(which === "others" ? await endOtherSessions({}) : await endSession({ sessionId: which })),
    onSuccess: () => router.refresh(),
  });
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded border border-slate-200">
        <table className="min-w-full text-sm">
          <ColumnsHead
            caption={t("caption")}
            columns={[
              ...(["created", "lastSeen", "address", "browser"] as const).map((k) => t(k)),
              { label: <span className="sr-only">{t("end")}</span> },
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <td className="px-3 py-2">{fmt.dateTime(s.createdAt)}</td>
                <td className="px-3 py-2">{fmt.dateTime(s.lastSeenAt)}</td>
                <td className="px-3 py-2 font-mono text-xs">{s.address ?? t("unknown")}</td>
                <td className="px-3 py-2" title={s.userAgent ?? undefined}>
                  {browserOf(s.userAgent) ?? t("unknown")}
                </td>
                <td className="px-3 py-2">
                  {s.current ? (
                    <span className="text-xs font-medium text-emerald-800">{t("this")}</span>
                  ) : (
                    <button
                      type="button"
                      disabled={end.isPending}
                      onClick={() => end.mutate(s.id)}
                      className={textButton}
                    >
                      {t("end")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <button
          type="button"
          disabled={end.isPending}
          onClick={() => window.confirm(t("endOthersConfirm")) && end.mutate("others")}
          className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
        >
          {t("endOthers")}
        </button>
      )}
      <FailureLine error={end.error} text={errorText} />
    </div>
  );
}
