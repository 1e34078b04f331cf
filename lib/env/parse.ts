import { z } from "zod";
import type { EnvSource } from "./process";
import { commaList } from "../input/comma-list";

/** Building blocks shared by the sections, and the one way a section is parsed. */

/** `true`/`1` or `false`/`0`/blank/unset. */
export const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

/** A comma-separated list, trimmed and lower-cased (host names). */
export const lowerCaseList = z
  .string()
  .default("")
  .transform((v) => commaList(v).map((h) => h.toLowerCase()));

/** A TCP port. */
export const port = z.coerce.number().int().min(1).max(65535);

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A blank variable (`FOO=`) counts as unset, as a shell user means it. */
export function blankToUndefined(source: EnvSource): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

/**
 * Parses one section; the error names every bad variable and never echoes a
 * value (it may be a secret or a connection string). The launchers' sections
 * take a blank variable as unset (`PORT= npm start`); the product's settings
 * do not, since some give a blank its own meaning (REQUIRE_2FA_ROLES= : nobody).
 */
export function parseSection<S extends z.ZodType>(
  schema: S,
  source: EnvSource,
  opts: { title?: string; blankIsUnset?: boolean } = {},
): z.infer<S> {
  const result = schema.safeParse(opts.blankIsUnset ? blankToUndefined(source) : source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`${opts.title ?? "invalid configuration"}:\n${lines.join("\n")}`);
  }
  return result.data;
}
