import { createHash, generateKeyPairSync } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createWriteStream } from "node:fs";
import yauzl from "yauzl";
import yazl from "yazl";
import { ingestCallRecords } from "../../lib/call-records/ingest/mutations";
import { prisma } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";

/**
 * Test helpers for evidence bundles: the settings a bundle needs (a signing
 * key, an archive directory), records with a recording, and reading and
 * rewriting a bundle's ZIP.
 */

export async function evidenceSettings(): Promise<{ archiveDir: string; privatePem: string }> {
  const { privateKey } = generateKeyPairSync("ed25519");
  const privatePem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  const archiveDir = await mkdtemp(path.join(os.tmpdir(), "lvr-evidence-"));
  process.env.EVIDENCE_SIGNING_KEY = privatePem;
  process.env.AUDIO_ARCHIVE_DIR = archiveDir;
  resetEnvCache();
  return { archiveDir, privatePem };
}

export interface FixtureRecord {
  id: bigint;
  job: bigint;
  phone: string;
  name: string;
  startTime: string;
}

export async function ingestFixture(records: FixtureRecord[]): Promise<void> {
  const r = await ingestCallRecords(
    records.map((f) => ({
      call_record_id: f.id.toString(),
      robot_call_job_id: f.job.toString(),
      result_status: "ANSWERED",
      start_time: f.startTime,
      end_time: f.startTime.replace(/:00$/, ":59"),
      chat_duration: 55,
      name: f.name,
      called_phone_number: f.phone,
      full_audio_url: `https://vendor.example/rec/${f.id}.mp3`,
      intent_level_code: 2,
      intent_level_tag_id: "7",
      intent_level_detail_name: "B 有意向",
    })),
    { source: "api" },
  );
  if (r.summary.rejected) throw new Error(`fixture rejected: ${JSON.stringify(r.results)}`);
}

/** Marks a record's recording archived, with `bytes` as the archived file. */
export async function archiveFixtureRecording(
  callRecordId: bigint,
  archiveDir: string,
  bytes: Buffer,
): Promise<string> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const fileName = `${sha256}.mp3`;
  await writeFile(path.join(archiveDir, fileName), bytes);
  const record = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId } });
  await prisma.audioArchive.upsert({
    where: { recordId: record.id },
    create: {
      recordId: record.id,
      sourceUrl: record.fullAudioUrl ?? "",
      state: "archived",
      fileName,
      sha256,
      sizeBytes: BigInt(bytes.length),
      contentType: "audio/mpeg",
      archivedAt: new Date(),
    },
    update: { state: "archived", fileName, sha256, sizeBytes: BigInt(bytes.length), archivedAt: new Date() },
  });
  return sha256;
}

export async function saveStream(stream: ReadableStream<Uint8Array>, file: string): Promise<void> {
  await pipeline(
    Readable.fromWeb(stream as import("node:stream/web").ReadableStream<Uint8Array>),
    createWriteStream(file),
  );
}

/** Every entry of a ZIP, in order. */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on("error", reject);
      zip.on("end", () => resolve(out));
      zip.on("entry", (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, s) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          s.on("data", (c: Buffer) => chunks.push(c));
          s.on("end", () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.readEntry();
    });
  });
}

/** Writes entries as a new ZIP (a bundle someone changed and zipped again). */
export async function writeZip(entries: Map<string, Buffer>, file: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}
