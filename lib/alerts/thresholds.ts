import "server-only";
import { getEnv } from "../env";
import { Prisma, prisma } from "../db/client";
import { log } from "../log";
import { raiseAlert } from "./raise";

/**
 * Alerts on counts: occurrences (a rejected pushed record, a recording that
 * could not be archived) are added to an hourly counter shared by every
 * process, and the one addition that takes the hour's count above the
 * threshold raises the alert: once per hour, whichever process saw it.
 */

type CountedKind = "ingest.rejections" | "archive.failures";

/** Adds `n` to the count of `kind` in the hour of `at`; true when that addition crossed `threshold`. */
export async function countTowardsThreshold(
  kind: CountedKind,
  n: number,
  threshold: number,
  at: Date = new Date(),
): Promise<boolean> {
  if (n <= 0 || threshold <= 0) return false;
  const [row] = await prisma.$queryRaw<{ count: number }[]>(Prisma.sql`
    INSERT INTO alert_counters (kind, window_start, count) VALUES (${kind}, date_trunc('hour', ${at}::timestamptz), ${n})
    ON CONFLICT (kind, window_start) DO UPDATE SET count = alert_counters.count + EXCLUDED.count
    RETURNING count`);
  const count = row?.count ?? 0;
  return count > threshold && count - n <= threshold;
}

/** Never throws: counting is a side effect of ingest and archiving. */
async function countAndAlert(
  kind: CountedKind,
  n: number,
  threshold: number,
  alert: (threshold: number) => { title: string; text: string; link: string },
): Promise<void> {
  try {
    if (await countTowardsThreshold(kind, n, threshold))
      await raiseAlert(kind, { ...alert(threshold), facts: { threshold, window: "1 hour" } });
  } catch (err) {
    log().error({ kind, error: (err as Error).message.split("\n")[0] }, "alerts: counting towards a threshold failed");
  }
}

export function countIngestRejections(rejected: number): Promise<void> {
  return countAndAlert("ingest.rejections", rejected, getEnv().ALERT_INGEST_REJECTIONS_THRESHOLD, (threshold) => ({
    title: "Ingest is rejecting pushed records",
    text: `More than ${threshold} pushed records were rejected within the hour: a robot platform is sending records the console cannot accept.`,
    link: "/calls",
  }));
}

export function countArchiveFailures(failed: number): Promise<void> {
  return countAndAlert("archive.failures", failed, getEnv().ALERT_ARCHIVE_FAILURES_THRESHOLD, (threshold) => ({
    title: "Recordings are not being archived",
    text: `More than ${threshold} recordings could not be archived within the hour: their links may expire before they are copied.`,
    link: "/calls",
  }));
}
