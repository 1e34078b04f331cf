import "server-only";
import type { KeyObject } from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import { audioArchiveDir, getEnv } from "../env";
import { log } from "../log";
import { zonedDayStart, addDays } from "../time/zoned";
import { evidenceRecordsOfDay, hasCorrectionsTable, type EvidenceRecord } from "./data";
import type { BundleScope } from "./manifest";
import { addRecordFiles, type RecordSummary } from "./record-files";
import { keyId, parseSigningKey, publicKeyPem, resolveSigningKey } from "./signing-key";
import { renderSummaryPdf } from "./summary-pdf";
import { BundleWriter } from "./writer";

/**
 * Evidence bundles as streams: one record's, or a job's day (records whose
 * call started that day in DISPLAY_TIME_ZONE), read page by page while the
 * ZIP goes out.
 */

let cachedKey: { source: string; key: KeyObject } | undefined;

/** The signing key: EVIDENCE_SIGNING_KEY, else the data directory's (generated on first use). */
export function evidenceSigningKey(): KeyObject {
  const env = getEnv();
  const resolved = resolveSigningKey(path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR), env.EVIDENCE_SIGNING_KEY);
  if (cachedKey?.source !== resolved.pem) cachedKey = { source: resolved.pem, key: parseSigningKey(resolved.pem) };
  return cachedKey.key;
}

export function evidencePublicKey(): { pem: string; keyId: string } {
  const pem = publicKeyPem(evidenceSigningKey());
  return { pem, keyId: keyId(pem) };
}

export interface BundleRequest {
  createdBy: string;
  reason: string;
  now?: Date;
}

const PAGE = 50;

function streamBundle(
  scope: BundleScope,
  req: BundleRequest,
  produce: (writer: BundleWriter, add: (r: EvidenceRecord, prefix: string) => Promise<void>) => Promise<void>,
): ReadableStream<Uint8Array> {
  const env = getEnv();
  const key = evidenceSigningKey();
  const writer = new BundleWriter();
  const createdAt = req.now ?? new Date();
  const summaries: RecordSummary[] = [];
  void (async () => {
    const opts = { corrections: await hasCorrectionsTable(), archiveDir: audioArchiveDir(env) };
    await produce(writer, async (r, prefix) => {
      summaries.push(await addRecordFiles(writer, r, prefix, opts));
    });
    const input = {
      createdAt,
      createdBy: req.createdBy,
      reason: req.reason,
      scope,
      timeZone: env.DISPLAY_TIME_ZONE,
      keyId: keyId(publicKeyPem(key)),
      records: summaries,
    };
    writer.addStream("summary.pdf", () => renderSummaryPdf(input, () => writer.listed()));
    writer.finish(
      {
        created_at: createdAt.toISOString(),
        created_by: req.createdBy,
        reason: req.reason,
        scope,
        records: summaries.length,
      },
      key,
    );
  })().catch((err: Error) => {
    log().error({ err, scope }, "evidence: writing a bundle failed");
    writer.fail(err);
  });
  return Readable.toWeb(writer.output) as ReadableStream<Uint8Array>;
}

/** One record's bundle. */
export function recordBundle(record: EvidenceRecord, req: BundleRequest): ReadableStream<Uint8Array> {
  const scope: BundleScope = { kind: "record", call_record_id: record.callRecordId.toString() };
  return streamBundle(scope, req, (_w, add) => add(record, ""));
}

/** The instants a day in DISPLAY_TIME_ZONE starts and ends. */
export function dayBounds(day: string): { from: Date; to: Date } {
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  return { from: zonedDayStart(day, timeZone), to: zonedDayStart(addDays(day, 1), timeZone) };
}

/** A job's day: every record whose call started that day, each in `records/<call_record_id>/`. */
export function jobDayBundle(jobId: bigint, day: string, req: BundleRequest): ReadableStream<Uint8Array> {
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  const { from, to } = dayBounds(day);
  const scope: BundleScope = { kind: "job_day", robot_call_job_id: jobId.toString(), day, time_zone: timeZone };
  return streamBundle(scope, req, async (writer, add) => {
    let after = 0n;
    for (;;) {
      const page = await evidenceRecordsOfDay(jobId, from, to, after, PAGE);
      for (const r of page) {
        await add(r, `records/${r.callRecordId}/`);
        // Wait for the client: at most a few records' files are held at once.
        await writer.caughtUp(16);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
  });
}
