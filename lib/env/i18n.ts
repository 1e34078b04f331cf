import { z } from "zod";
import { isTimeZone } from "./parse";
import { processEnv, type EnvSource } from "./process";

/** How dates are shown and days are counted. */
export const i18nSection = z.object({
  DISPLAY_TIME_ZONE: z
    .string()
    .refine(isTimeZone, "DISPLAY_TIME_ZONE is not an IANA time zone")
    .default("Asia/Shanghai"),
});

/**
 * DISPLAY_TIME_ZONE without the rest of the configuration (the request config
 * runs where no database is configured, e.g. while building); invalid: the default.
 */
export function displayTimeZone(source: EnvSource = processEnv()): string {
  const parsed = i18nSection.shape.DISPLAY_TIME_ZONE.safeParse(source.DISPLAY_TIME_ZONE);
  return parsed.success ? parsed.data : "Asia/Shanghai";
}
