import path from "node:path";
import { webServerEnv } from "../../lib/env";
import { WEB_NODE_FLAGS } from "./web-node-flags";

/**
 * The command line of the web server (scripts/web-server.mjs) for npm start, npm run web and the benchmark:
 * Node's flags, the script, and its settings as flags. The server runs in plain Node and cannot read
 * lib/env, so its time bounds are validated here, by the configuration module, and handed over.
 */
export function webServerCommand(options: { dev?: boolean; host: string; port: number }): string[] {
  const settings = webServerEnv();
  return [
    ...WEB_NODE_FLAGS,
    path.resolve("scripts/web-server.mjs"),
    ...(options.dev ? ["--dev"] : []),
    ...["-H", options.host, "-p", String(options.port)],
    ...["--grace-ms", String(settings.SHUTDOWN_GRACE_MS)],
    ...["--headers-timeout-ms", String(settings.WEB_HEADERS_TIMEOUT_MS)],
    ...["--request-timeout-ms", String(settings.WEB_REQUEST_TIMEOUT_MS)],
    ...["--ingest-body-timeout-ms", String(settings.INGEST_BODY_TIMEOUT_MS)],
  ];
}
