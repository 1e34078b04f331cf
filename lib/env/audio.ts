import { z } from "zod";
import { lowerCaseList } from "./parse";

/** Recordings: where they may come from, the archive. */
export const audioSection = z.object({
  /** Hosts (host[:port]) recordings may be fetched from, comma-separated; the console's own demo files are always served. */
  AUDIO_ALLOWED_HOSTS: lowerCaseList,
  /** Where archived recordings are kept; default `$DATA_DIR/audio-archive`. */
  AUDIO_ARCHIVE_DIR: z.string().min(1).optional(),
  /** Recordings fetched per second for the archive, per worker process (vendors throttle too). */
  AUDIO_ARCHIVE_RATE: z.coerce.number().positive().max(1000).default(2),
  /** Recordings fetched at once, per worker process; 0: this worker does not archive. */
  AUDIO_ARCHIVE_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(2),
  /** Attempts before a recording is marked failed (it still plays from the live link while that works). */
  AUDIO_ARCHIVE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** Largest recording fetched (proxy and archive). */
  AUDIO_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /** Time allowed for fetching a recording (no answer, or the whole download when archiving). */
  AUDIO_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
});
