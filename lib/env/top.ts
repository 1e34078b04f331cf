import { z } from "zod";
import { parseTopConfig, type TopConfig } from "../top/config";
import { bool } from "./parse";
import { processEnv, type EnvSource } from "./process";

/** The TOP gateway as the web app sees it (the worker's full TOP settings: topConfig). */
export const topSection = z.object({
  TOP_GATEWAY_URL: z.string().url().optional(),
  /** Set by the start command when TOP_GATEWAY_URL points at the local emulator it started. */
  TOP_EMULATOR_ACTIVE: bool,
});

/**
 * The TOP client's settings (TOP_* in full, for the worker and the launchers);
 * lib/top/config.ts validates them, since the client is a leaf that is handed its configuration.
 */
export function topConfig(source: EnvSource = processEnv()): TopConfig {
  return parseTopConfig(source);
}
