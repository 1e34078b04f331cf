/**
 * `npm run top:emulator`: the local TOP gateway on its own.
 *   TOP_EMULATOR_PORT    default 3100
 *   TOP_EMULATOR_APPS    key1:secret1,key2:secret2 (default: the demo app)
 *   TOP_EMULATOR_FAULTS  JSON fault settings, as POST /__emulator/faults takes
 */
import { DEMO_TOP_APP_KEY, DEMO_TOP_APP_SECRET } from "../lib/top/config";
import { parseApps, startTopEmulator } from "../dev/top-emulator/server";

async function main() {
  const port = Number(process.env.TOP_EMULATOR_PORT || 3100);
  const apps = parseApps(process.env.TOP_EMULATOR_APPS || `${DEMO_TOP_APP_KEY}:${DEMO_TOP_APP_SECRET}`);
  const faults = process.env.TOP_EMULATOR_FAULTS ? JSON.parse(process.env.TOP_EMULATOR_FAULTS) : undefined;
  const emulator = await startTopEmulator({ port, host: process.env.TOP_EMULATOR_HOST || "127.0.0.1", apps, faults });
  console.log(
    `[top-emulator] listening at ${emulator.gatewayUrl} for ${apps.size} app(s): ${[...apps.keys()].join(", ")}`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(`[top-emulator] ${(err as Error).message}`);
  process.exit(1);
});
