import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { BUNDLE_FORMAT, MANIFEST_PATH, SIGNATURE_PATH, verifySignature, type Manifest } from "./manifest";
import { keyId } from "./signing-key";

/**
 * Checks an evidence bundle: the manifest's signature, then every file's
 * SHA-256 against the manifest, in the manifest's order. The answer names the
 * first file that does not match (a changed, missing or extra file, or the
 * manifest itself when its signature fails).
 */

export type VerifyResult =
  { ok: true; manifest: Manifest; keyId: string; files: number } | { ok: false; file: string; message: string };

interface Read {
  hashes: Map<string, { sha256: string; bytes: number }>;
  order: string[];
  small: Map<string, Buffer>;
  broken: { file: string; message: string } | undefined;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function readStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))),
  );
}

async function readEntries(file: string): Promise<Read> {
  const zip = await openZip(file);
  const out: Read = { hashes: new Map(), order: [], small: new Map(), broken: undefined };
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", resolve);
    zip.on("entry", (entry: yauzl.Entry) => {
      const name = entry.fileName;
      const keep = name === MANIFEST_PATH || name === SIGNATURE_PATH;
      const hash = createHash("sha256");
      const chunks: Buffer[] = [];
      let bytes = 0;
      const next = () => zip.readEntry();
      readStream(zip, entry)
        .then(
          (stream) =>
            new Promise<void>((done) => {
              stream.on("data", (chunk: Buffer) => {
                hash.update(chunk);
                bytes += chunk.length;
                if (keep) chunks.push(chunk);
              });
              stream.on("end", () => {
                out.hashes.set(name, { sha256: hash.digest("hex"), bytes });
                out.order.push(name);
                if (keep) out.small.set(name, Buffer.concat(chunks));
                done();
              });
              // A changed byte of compressed data breaks the entry itself (inflate or size check).
              stream.on("error", (err: Error) => {
                out.broken ??= { file: name, message: `cannot be read: ${err.message}` };
                out.order.push(name);
                done();
              });
            }),
        )
        .catch((err: Error) => {
          out.broken ??= { file: name, message: `cannot be read: ${err.message}` };
        })
        .finally(next);
    });
    zip.readEntry();
  });
  return out;
}

export async function verifyBundle(file: string, options: { publicKey?: string } = {}): Promise<VerifyResult> {
  let read: Read;
  try {
    read = await readEntries(file);
  } catch (err) {
    return { ok: false, file, message: `not a readable ZIP file: ${(err as Error).message}` };
  }
  const manifestBytes = read.small.get(MANIFEST_PATH);
  const signature = read.small.get(SIGNATURE_PATH);
  if (!manifestBytes) return { ok: false, file: MANIFEST_PATH, message: "missing" };
  if (!signature) return { ok: false, file: SIGNATURE_PATH, message: "missing" };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString("utf8")) as Manifest;
  } catch {
    return { ok: false, file: MANIFEST_PATH, message: "changed: not valid JSON any more" };
  }
  if (manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files) || typeof manifest.public_key !== "string")
    return { ok: false, file: MANIFEST_PATH, message: `not an ${BUNDLE_FORMAT} manifest` };
  const signer = options.publicKey ?? manifest.public_key;
  if (!verifySignature(manifestBytes, signature.toString("utf8"), signer))
    return { ok: false, file: MANIFEST_PATH, message: "its signature (manifest.sig) does not match" };
  if (options.publicKey && keyId(options.publicKey) !== keyId(manifest.public_key))
    return { ok: false, file: MANIFEST_PATH, message: "names another public key than the one given" };
  for (const listed of manifest.files) {
    const found = read.hashes.get(listed.path);
    if (!found) {
      if (read.broken?.file === listed.path) return { ok: false, ...read.broken };
      return { ok: false, file: listed.path, message: "missing from the bundle" };
    }
    if (found.sha256 !== listed.sha256 || found.bytes !== listed.bytes)
      return {
        ok: false,
        file: listed.path,
        message: `SHA-256 ${found.sha256} is not the manifest's ${listed.sha256}`,
      };
  }
  if (read.broken) return { ok: false, ...read.broken };
  const listedPaths = new Set(manifest.files.map((f) => f.path));
  const extra = read.order.find((p) => p !== MANIFEST_PATH && p !== SIGNATURE_PATH && !listedPaths.has(p));
  if (extra) return { ok: false, file: extra, message: "is not listed in the manifest" };
  return { ok: true, manifest, keyId: keyId(signer), files: manifest.files.length };
}
