"use client";

import { useEffect, useRef } from "react";
import "@scalar/api-reference/style.css";

/**
 * The API reference (Scalar), bundled with the app and loaded on this page
 * only: nothing is fetched from elsewhere (no CDN, no fonts, no telemetry),
 * so it runs under the console's CSP. It reads the document the API serves.
 */
export function ApiReference({ documentUrl }: { documentUrl: string }) {
  const mount = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let app: { destroy?: () => void } | undefined;
    let cancelled = false;
    void import("@scalar/api-reference").then(({ createApiReference }) => {
      if (cancelled || !mount.current) return;
      app = createApiReference(mount.current, {
        url: documentUrl,
        withDefaultFonts: false,
        telemetry: false,
        hideClientButton: true,
        hideDarkModeToggle: true,
        showDeveloperTools: "never",
        documentDownloadType: "json",
        defaultHttpClient: { targetKey: "shell", clientKey: "curl" },
        authentication: { preferredSecurityScheme: "bearerAuth" },
      });
    });
    return () => {
      cancelled = true;
      app?.destroy?.();
    };
  }, [documentUrl]);
  return (
    <div ref={mount} data-testid="api-reference" className="min-h-[60vh] rounded-lg border border-slate-200 bg-white" />
  );
}
