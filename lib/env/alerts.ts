import { z } from "zod";
import { lowerCaseList } from "./parse";

/** Alert receivers and thresholds. */
export const alertsSection = z.object({
  /** Internal alert receivers (host[:port], comma-separated) that may be at private addresses; others must be public. */
  ALERT_PRIVATE_HOSTS: lowerCaseList,
  /** Recordings whose archiving failed for good within one hour above which an alert is raised (0: never). */
  ALERT_ARCHIVE_FAILURES_THRESHOLD: z.coerce.number().int().min(0).default(20),
  /** Pushed records rejected by ingest within one hour above which an alert is raised (0: never). */
  ALERT_INGEST_REJECTIONS_THRESHOLD: z.coerce.number().int().min(0).default(100),
});
