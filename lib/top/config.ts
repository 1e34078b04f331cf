import { z } from "zod";
import { SIGN_METHODS, type SignMethod } from "./sign";

/** Demo credentials, used only between the product and the local emulator it starts. */
export const DEMO_TOP_APP_KEY = "lvr-demo";
export const DEMO_TOP_APP_SECRET = "lvr-demo-secret-change-me";

export interface TopConfig {
  gatewayUrl: string;
  appKey: string;
  /** Never logged, never returned, never sent to a browser. */
  appSecret: string;
  session?: string;
  signMethod: SignMethod;
  format: "json" | "xml";
  partnerId?: string;
  timeoutMs: number;
  connectTimeoutMs: number;
}

const schema = z.object({
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
  TOP_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int()
    .min(100)
    .max(300_000)
    .default(10_000),
  TOP_CONNECT_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int()
    .min(50)
    .max(60_000)
    .default(3_000),
});

export class TopConfigError extends Error {
  override name = "TopConfigError";
}

/** Validates the TOP_* variables; the message names each bad variable and never echoes a value. */
export function parseTopConfig(env: Readonly<Record<string, string | undefined>>): TopConfig {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = schema.safeParse(blankToUndefined);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${String(i.path[0])} ${i.message}`);
    throw new TopConfigError(`TOP configuration is invalid:\n${lines.join("\n")}`);
  }
  const e = result.data;
  return {
    gatewayUrl: e.TOP_GATEWAY_URL,
    appKey: e.TOP_APP_KEY,
    appSecret: e.TOP_APP_SECRET,
    session: e.TOP_SESSION || undefined,
    signMethod: e.TOP_SIGN_METHOD,
    format: e.TOP_FORMAT,
    partnerId: e.TOP_PARTNER_ID || undefined,
    timeoutMs: e.TOP_TIMEOUT_MS,
    connectTimeoutMs: e.TOP_CONNECT_TIMEOUT_MS,
  };
}
