import { envSchema, rawEnv } from "../env";

/**
 * DISPLAY_TIME_ZONE without the rest of the configuration (the request config
 * runs where no database is configured, e.g. while building).
 */
export function displayTimeZone(): string {
  const parsed = envSchema.shape.DISPLAY_TIME_ZONE.safeParse(rawEnv().DISPLAY_TIME_ZONE);
  return parsed.success ? parsed.data : "Asia/Shanghai";
}
