import "server-only";
import { getEnv, type Env } from "../env";
import { reportedGateway } from "../submissions/coordination";

export interface GatewayInfo {
  configured: boolean;
  /** Host (and port) only: the path and any credentials in the URL are not shown. */
  host: string | null;
  emulator: boolean;
}

/** The gateway this process's own settings name (a worker's, or `npm start`'s). */
export function configuredGateway(env: Env = getEnv()): GatewayInfo {
  if (!env.TOP_GATEWAY_URL) return { configured: false, host: null, emulator: false };
  return { configured: true, host: new URL(env.TOP_GATEWAY_URL).host, emulator: env.TOP_EMULATOR_ACTIVE };
}

/**
 * Where submissions go, for the header's badge. A web instance of a split
 * deployment has no TOP settings (the workers send): it shows the gateway the
 * live workers report in their heartbeats, and "not configured" only when none
 * of them has one.
 */
export async function gatewayInfo(env: Env = getEnv()): Promise<GatewayInfo> {
  const own = configuredGateway(env);
  if (own.configured) return own;
  const reported = await reportedGateway();
  return reported ? { configured: true, host: reported.host, emulator: reported.emulator } : own;
}
