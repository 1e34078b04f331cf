import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The Ed25519 key that signs evidence bundles' manifests. EVIDENCE_SIGNING_KEY
 * (a PKCS#8 private key, PEM or base64 DER) when set, else one generated once
 * and kept (mode 0600) under the data directory, like the ingest token: a
 * console keeps signing with the same key across restarts, so bundles made
 * months apart verify against the same public key.
 */

export const SIGNING_KEY_FILE = "evidence-signing-key.pem";

/** The private key in a setting's text; throws with a message naming what is wrong. */
export function parseSigningKey(text: string): KeyObject {
  // A PEM pasted into one environment line often has its newlines as "\n".
  const pem = text.includes("\\n") ? text.replace(/\\n/g, "\n") : text;
  const key = pem.includes("-----BEGIN")
    ? createPrivateKey(pem)
    : createPrivateKey({ key: Buffer.from(pem.trim(), "base64"), format: "der", type: "pkcs8" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`an ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}

export function isSigningKey(text: string): boolean {
  try {
    parseSigningKey(text);
    return true;
  } catch {
    return false;
  }
}

/** The setting's key, or the data directory's (generated on first use). */
export function resolveSigningKey(
  dataDir: string,
  fromEnv: string | undefined,
): { pem: string; generated: boolean; file?: string } {
  if (fromEnv) return { pem: fromEnv, generated: false };
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  if (existsSync(/*turbopackIgnore: true*/ file))
    return { pem: readFileSync(/*turbopackIgnore: true*/ file, "utf8"), generated: false, file };
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  // A web instance deployed on its own may be the first process to use the data directory.
  mkdirSync(dataDir, { recursive: true });
  // "wx": two processes starting at once must not both write a different key.
  try {
    writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST")
      return { pem: readFileSync(/*turbopackIgnore: true*/ file, "utf8"), generated: false, file };
    throw err;
  }
  return { pem, generated: true, file };
}

export function publicKeyPem(key: KeyObject): string {
  return createPublicKey(key).export({ format: "pem", type: "spki" }).toString();
}

/** A short name of a public key (SHA-256 of its SPKI DER, first 16 hex digits) to compare bundles and keys by eye. */
export function keyId(publicPem: string): string {
  const der = createPublicKey(publicPem).export({ format: "der", type: "spki" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}
