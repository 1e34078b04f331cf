import { createHash, type KeyObject } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline, Readable, Transform } from "node:stream";
import yazl from "yazl";
import { BUNDLE_FORMAT, MANIFEST_PATH, SIGNATURE_PATH, signBytes, type Manifest, type ManifestFile } from "./manifest";
import { keyId, publicKeyPem } from "./signing-key";

/**
 * Writes an evidence bundle (ZIP) as a stream: each file is hashed on its way
 * into the archive, and the manifest and its signature go last, once every
 * hash is known. Entries are opened lazily, when yazl reaches them, so that a
 * producer waiting on `caughtUp()` keeps a handful of files in memory, never
 * a whole job's day.
 */
export class BundleWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly files: ManifestFile[] = [];
  private added = 0;
  private started = 0;
  private waiters: { upTo: number; resolve: () => void }[] = [];
  private failure: Error | undefined;
  private readonly mtime = new Date();
  /** The ZIP's bytes. */
  readonly output = this.zip.outputStream as Readable;

  constructor() {
    this.zip.on("error", (err: Error) => this.fail(err));
  }

  /** The files added so far (hashes of streamed ones are filled in once they were written). */
  listed(): readonly ManifestFile[] {
    return this.files;
  }

  /** A file whose bytes are known now. */
  addBytes(path: string, data: Uint8Array | string, compress = true): ManifestFile {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
    const entry = { path, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
    this.files.push(entry);
    this.addLazy(path, compress, () => Readable.from([bytes]));
    return entry;
  }

  /** A file streamed in when the archive reaches it (a recording on disk, a PDF being drawn), hashed on the way. */
  addStream(path: string, open: () => Readable, compress = true): ManifestFile {
    const entry = { path, sha256: "", bytes: 0 };
    this.files.push(entry);
    this.addLazy(path, compress, () => {
      const hash = createHash("sha256");
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          entry.bytes += chunk.length;
          done(null, chunk);
        },
        flush(done) {
          entry.sha256 = hash.digest("hex");
          done();
        },
      });
      return pipeline(open(), counter, (err) => err && this.fail(err));
    });
    return entry;
  }

  addFile(path: string, absolutePath: string): ManifestFile {
    // Recordings are compressed already: stored as they are.
    return this.addStream(path, () => createReadStream(/*turbopackIgnore: true*/ absolutePath), false);
  }

  /**
   * Resolves once the archive has reached all but `backlog` of the files added
   * so far; rejects when writing failed (the client went away, a file vanished).
   */
  caughtUp(backlog = 8): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const upTo = this.added - backlog;
    if (this.started >= upTo) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo, resolve });
      this.output.once("close", () => this.failure && reject(this.failure));
    });
  }

  /** Adds the manifest and its signature, and closes the archive. */
  finish(meta: Pick<Manifest, "created_at" | "created_by" | "reason" | "scope" | "records">, key: KeyObject): void {
    const publicKey = publicKeyPem(key);
    let manifestBytes: Buffer | undefined;
    this.addLazy(MANIFEST_PATH, true, () => {
      // Every file before it has been written by now, so every hash is known.
      const manifest: Manifest = {
        format: BUNDLE_FORMAT,
        ...meta,
        files: this.files,
        public_key: publicKey,
        key_id: keyId(publicKey),
      };
      manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8");
      return Readable.from([manifestBytes]);
    });
    this.addLazy(SIGNATURE_PATH, true, () => Readable.from([Buffer.from(signBytes(manifestBytes!, key) + "\n")]));
    this.zip.end();
  }

  /** Stops writing: the archive's stream ends with the error. */
  fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.output.destroy(err);
  }

  private addLazy(path: string, compress: boolean, open: () => Readable): void {
    const index = ++this.added;
    this.zip.addReadStreamLazy(path, { compress, mtime: this.mtime }, (cb) => {
      this.started = index;
      this.waiters = this.waiters.filter((w) => (w.upTo <= index ? (w.resolve(), false) : true));
      try {
        cb(null, open());
      } catch (err) {
        cb(err as Error, undefined as unknown as Readable);
      }
    });
  }
}
