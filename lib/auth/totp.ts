import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/**
 * TOTP (RFC 6238) through otplib: SHA-1, 6 digits, 30-second steps, the
 * parameters every authenticator app supports. One step of clock drift is
 * accepted either way; a time step once accepted never is again.
 */

export const TOTP_ISSUER = "LVR Console";

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI of a secret and its QR code as an SVG data URL, drawn on the server (no third party sees the secret; CSP allows data: images). */
export async function totpProvisioning(secret: string, email: string): Promise<{ uri: string; qrDataUrl: string }> {
  const uri = generateURI({ issuer: TOTP_ISSUER, label: email, secret });
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/** The time step a code matched (for replay protection), or null. */
export async function checkTotp(secret: string, code: string, afterTimeStep: bigint | null): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epochTolerance: 30,
      ...(afterTimeStep === null ? {} : { afterTimeStep: Number(afterTimeStep) }),
    });
    // A TOTP match carries its time step (a HOTP one would not: this module verifies TOTP only).
    return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
  } catch {
    return null;
  }
}

// Recovery codes: 16 characters of Crockford's base32 (80 random bits), shown as four groups.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(16)].map((b) => ALPHABET[b & 31]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

/** Normalised (case, dashes, spaces, and the letters people mistake for digits) before hashing, so a code typed loosely still matches. */
export function hashRecoveryCode(code: string): string {
  const normal = code
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return createHash("sha256").update(normal).digest("hex");
}

/** Whether an entry looks like a recovery code rather than a TOTP code. */
export const looksLikeRecoveryCode = (code: string) => code.replace(/[\s-]+/g, "").length === 16;
