import "server-only";
import { getEnv } from "../env";

export interface GatewayInfo {
  configured: boolean;
  /** Host (and port) only: the path and any credentials in the URL are not shown. */
  host: string | null;
  emulator: boolean;
}

export function gatewayInfo(): GatewayInfo {
  const env = getEnv();
  if (!env.TOP_GATEWAY_URL) return { configured: false, host: null, emulator: false };
  return { configured: true, host: new URL(env.TOP_GATEWAY_URL).host, emulator: env.TOP_EMULATOR_ACTIVE };
}
