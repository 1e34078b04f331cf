import type { SignMethod } from "./sign";

/**
 * What the TOP client is handed. The client is a leaf: it never reads the
 * environment; lib/env/top.ts (topConfig) validates TOP_* into this shape.
 */
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
