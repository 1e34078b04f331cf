import { createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/**
 * The manifest of an evidence bundle: every file with its SHA-256, what the
 * bundle covers, who made it and why. `manifest.json` is signed as the bytes
 * in the bundle (Ed25519, the signature in `manifest.sig`, base64), so the
 * verifier never re-serialises it.
 */

export const MANIFEST_PATH = "manifest.json";
export const SIGNATURE_PATH = "manifest.sig";
export const BUNDLE_FORMAT = "lvr-evidence/1";

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

export type BundleScope =
  | { kind: "record"; call_record_id: string }
  | { kind: "job_day"; robot_call_job_id: string; day: string; time_zone: string };

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  created_at: string;
  created_by: string;
  reason: string;
  scope: BundleScope;
  records: number;
  files: ManifestFile[];
  /** The signer's public key (SPKI PEM): compare with the console's /api/evidence/public-key, or pass --key to the verifier. */
  public_key: string;
  key_id: string;
}

export function signBytes(bytes: Uint8Array, key: KeyObject): string {
  return sign(null, bytes, key).toString("base64");
}

export function verifySignature(bytes: Uint8Array, signatureBase64: string, publicPem: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicPem), Buffer.from(signatureBase64.trim(), "base64"));
  } catch {
    return false;
  }
}
