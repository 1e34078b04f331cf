/**
 * `npm run top:emulator`: the local TOP gateway on its own.
 *   TOP_EMULATOR_PORT    default 3100
 *   TOP_EMULATOR_APPS    key1:secret1,key2:secret2 (default: the demo app)
 *   TOP_EMULATOR_FAULTS  JSON fault settings, as POST /__emulator/faults takes
 */
import { emulatorEnv } from "../lib/env";
import { DEMO_TOP_APP_KEY, DEMO_TOP_APP_SECRET } from "./lib/demo-top-app";
import { faultsSchema } from "../dev/top-emulator/faults";
import { parseApps, startTopEmulator } from "../dev/top-emulator/server";

async function main() {
  const settings = emulatorEnv();
  const port = settings.TOP_EMULATOR_PORT;
  const apps = parseApps(settings.TOP_EMULATOR_APPS ?? `${DEMO_TOP_APP_KEY}:${DEMO_TOP_APP_SECRET}`);
  const emulator = await startTopEmulator({
    port,
    host: settings.TOP_EMULATOR_HOST,
    apps,
    faults: settings.TOP_EMULATOR_FAULTS === undefined ? undefined : faultsSchema.parse(settings.TOP_EMULATOR_FAULTS),
  });
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
