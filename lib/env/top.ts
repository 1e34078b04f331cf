import { z } from "zod";
import { SIGN_METHODS } from "../top/sign";
import type { TopConfig } from "../top/config";
import { bool } from "./parse";
import { configReader } from "./config-reader";
import type { EnvSource } from "./process";

/** The TOP gateway as the web app sees it (the worker's full TOP settings: topConfig). */
export const topSection = z.object({
  TOP_GATEWAY_URL: z.string().url().optional(),
  /** Set by the start command when TOP_GATEWAY_URL points at the local emulator it started. */
  TOP_EMULATOR_ACTIVE: bool,
});

const millis = (min: number, max: number, fallback: number) =>
  z.coerce.number({ error: "must be a number of milliseconds" }).int().min(min).max(max).default(fallback);

/** The TOP client's settings in full (the worker, the launchers, the benchmark). */
export const topClientSection = z.object({
  TOP_GATEWAY_URL: z
    .string({ error: "is not set" })
    .url("must be an http(s) URL such as https://gw.api.taobao.com/router/rest")
    .refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL"),
  TOP_APP_KEY: z.string({ error: "is not set" }).trim().min(1, "is empty"),
  TOP_APP_SECRET: z.string({ error: "is not set" }).min(1, "is empty"),
  TOP_SESSION: z.string().optional(),
  TOP_SIGN_METHOD: z.enum(SIGN_METHODS, { error: `must be one of ${SIGN_METHODS.join(", ")}` }).default("hmac-sha256"),
  TOP_FORMAT: z.enum(["json", "xml"], { error: "must be json or xml" }).default("json"),
  TOP_PARTNER_ID: z.string().optional(),
  TOP_TIMEOUT_MS: millis(100, 300_000, 10_000),
  TOP_CONNECT_TIMEOUT_MS: millis(50, 60_000, 3_000),
});

/**
 * The TOP client's configuration from TOP_*; a blank variable counts as unset.
 * The error names each bad variable and never echoes a value (the secret).
 */
export const topConfig: (source?: EnvSource) => TopConfig = configReader(
  topClientSection,
  "TOP configuration is invalid",
  {
    gatewayUrl: "TOP_GATEWAY_URL",
    appKey: "TOP_APP_KEY",
    appSecret: "TOP_APP_SECRET",
    session: "TOP_SESSION",
    signMethod: "TOP_SIGN_METHOD",
    format: "TOP_FORMAT",
    partnerId: "TOP_PARTNER_ID",
    timeoutMs: "TOP_TIMEOUT_MS",
    connectTimeoutMs: "TOP_CONNECT_TIMEOUT_MS",
  },
);
