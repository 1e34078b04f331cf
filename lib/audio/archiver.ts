import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { countArchiveFailures } from "../alerts/thresholds";
import { audioArchiveDir, getEnv, type Env } from "../env";
import { retryDelayMs } from "../submissions/backoff";
import { ClaimLoop } from "../queue/claim-loop";
import { RateLimiter } from "../submissions/rate-limiter";
import { claimArchiveTasks, releaseArchiveTask, settleArchived, settleFailed, type ArchiveTask } from "./archive-queue";
import { AUDIO_TYPES, fetchUpstream, RecordingUnavailable, type UpstreamOptions } from "./recording";

/**
 * Copies each record's recording into AUDIO_ARCHIVE_DIR before the vendor's
 * link expires (48 hours to 7 days). Entries come from ingest (one per record
 * with a link, queued in the same statement that stores it); fetches go
 * through the same guard as playback, spaced to AUDIO_ARCHIVE_RATE per
 * second, retried with backoff; files are content-addressed by SHA-256.
 */

export interface ArchiverConfig {
  dir: string;
  ratePerSecond: number;
  concurrency: number;
  maxAttempts: number;
  leaseMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  fetch: Omit<UpstreamOptions, "range">;
  /** Only these records (call_record_id), e.g. to archive a few by hand; all when absent. */
  only?: bigint[];
}

export function archiverConfig(env: Env = getEnv()): ArchiverConfig {
  return {
    dir: audioArchiveDir(env),
    ratePerSecond: env.AUDIO_ARCHIVE_RATE,
    concurrency: env.AUDIO_ARCHIVE_CONCURRENCY,
    maxAttempts: env.AUDIO_ARCHIVE_MAX_ATTEMPTS,
    leaseMs: Math.max(60_000, env.AUDIO_TIMEOUT_MS * 4),
    backoffBaseMs: 30_000,
    backoffMaxMs: 60 * 60_000,
    fetch: {
      ownOrigins: env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : [],
      allowedHosts: env.AUDIO_ALLOWED_HOSTS,
      publicDir: path.resolve("public"),
      maxBytes: env.AUDIO_MAX_BYTES,
      timeoutMs: env.AUDIO_TIMEOUT_MS,
    },
  };
}

/** Failures that another attempt cannot fix: the link is refused or gone. */
const PERMANENT = new Set([
  "no_recording",
  "bad_link",
  "host_not_allowed",
  "refused",
  "too_large",
  "not_found",
  "not_audio",
]);

function isPermanent(err: unknown): boolean {
  if (!(err instanceof RecordingUnavailable)) return false;
  return PERMANENT.has(err.code) || /link expired/.test(err.message);
}

function extensionFor(contentType: string, url: string): string {
  const byType = Object.entries(AUDIO_TYPES).find(
    ([, t]) => t === contentType.split(";")[0]!.trim().toLowerCase(),
  )?.[0];
  if (byType) return byType;
  const byUrl = /\.(mp3|ogg|wav|m4a)$/i.exec(new URL(url).pathname)?.[1];
  return byUrl?.toLowerCase() ?? "bin";
}

/** Downloads one recording into the archive; returns what was stored. */
export async function archiveRecording(
  url: string,
  config: Pick<ArchiverConfig, "dir" | "fetch">,
): Promise<{ fileName: string; sizeBytes: number; contentType: string; sha256: string }> {
  const up = await fetchUpstream(url, { ...config.fetch, range: null });
  // fetchUpstream passes on recordings only (isRecordingType).
  const contentType = up.headers.contentType.split(";")[0]!.trim().toLowerCase();
  await mkdir(config.dir, { recursive: true });
  const temp = path.join(config.dir, `.incoming-${randomBytes(8).toString("hex")}`);
  const hash = createHash("sha256");
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const deadline = AbortSignal.timeout(config.fetch.timeoutMs ?? 15_000);
  try {
    await pipeline(up.body, measure, createWriteStream(temp, { flags: "wx" }), { signal: deadline });
    if (up.headers.contentLength && Number(up.headers.contentLength) !== size) {
      throw new RecordingUnavailable(
        502,
        "truncated",
        `the download ended after ${size} of ${up.headers.contentLength} bytes`,
      );
    }
    if (size === 0) throw new RecordingUnavailable(502, "empty", "the recording is empty");
    const sha256 = hash.digest("hex");
    const fileName = `${sha256}.${extensionFor(contentType, url)}`;
    const target = path.join(config.dir, fileName);
    // Content-addressed: the same recording under two links is stored once.
    if (
      await stat(target).then(
        (s) => s.size === size,
        () => false,
      )
    )
      await rm(temp, { force: true });
    else await rename(temp, target);
    return { fileName, sizeBytes: size, contentType: up.headers.contentType, sha256 };
  } catch (err) {
    await rm(temp, { force: true });
    if (deadline.aborted)
      throw new RecordingUnavailable(
        504,
        "timeout",
        `the download took longer than ${(config.fetch.timeoutMs ?? 15_000) / 1000} s`,
      );
    throw err;
  }
}

export interface ArchiverEvents {
  onSettled?: (task: ArchiveTask, outcome: "archived" | "retrying" | "failed" | "stale") => void;
  onError?: (err: unknown) => void;
}

export class AudioArchiver {
  private readonly loop: ClaimLoop<ArchiveTask>;
  private readonly limiter: RateLimiter;

  constructor(
    private readonly config: ArchiverConfig,
    private readonly events: ArchiverEvents = {},
    pollMs = 1_000,
  ) {
    // The limiter keeps 10% spare for gateway jitter; vendors' servers need no such margin.
    this.limiter = new RateLimiter(config.ratePerSecond / 0.9);
    this.loop = new ClaimLoop({
      concurrency: config.concurrency,
      pollMs,
      claim: (n) => claimArchiveTasks(n, config.leaseMs, config.only),
      run: (task) => this.process(task),
      onError: (err) => events.onError?.(err),
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Stops claiming, lets downloads under way finish, and puts the rest back. */
  async stop(): Promise<void> {
    const stopped = this.loop.stop();
    // Downloads waiting for the limiter go on at once, and put themselves back.
    this.limiter.close();
    await stopped;
  }

  private async process(task: ArchiveTask): Promise<void> {
    try {
      await this.limiter.take();
      if (!this.loop.running) return await releaseArchiveTask(task);
      let outcome: "archived" | "retrying" | "failed" | "stale";
      try {
        const file = await archiveRecording(task.sourceUrl, this.config);
        outcome = (await settleArchived(task, file)) ? "archived" : "stale";
      } catch (err) {
        const message =
          err instanceof RecordingUnavailable ? err.message : `download failed: ${(err as Error).message}`;
        const retry = !isPermanent(err) && task.attempt < this.config.maxAttempts;
        const at = retry
          ? new Date(
              Date.now() +
                retryDelayMs(task.attempt, { baseMs: this.config.backoffBaseMs, maxMs: this.config.backoffMaxMs }),
            )
          : null;
        outcome = (await settleFailed(task, message, at)) ? (retry ? "retrying" : "failed") : "stale";
        // Above ALERT_ARCHIVE_FAILURES_THRESHOLD an hour, the admins' alert channels hear of it.
        if (outcome === "failed") await countArchiveFailures(1);
      }
      this.events.onSettled?.(task, outcome);
    } catch (err) {
      // The entry stays in flight until its lease runs out, then any worker takes it again.
      this.events.onError?.(err);
    }
  }
}
