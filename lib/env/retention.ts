import { z } from "zod";
import { isSigningKey } from "../evidence/signing-key";

/** A retention period: a whole number of days, or `keep` (never removed). */
const retentionDays = z
  .string()
  .trim()
  .default("keep")
  .transform((v, ctx) => {
    if (v === "" || v.toLowerCase() === "keep") return "keep" as const;
    if (/^\d{1,6}$/.test(v) && Number(v) >= 1) return Number(v);
    ctx.addIssue({ code: "custom", message: `must be a number of days (1 or more) or "keep", not "${v}"` });
    return z.NEVER;
  });

/** Retention periods and the evidence bundles' signing key. */
export const retentionSection = z.object({
  /** Retention periods per data class (docs/retention.md): days, or `keep`. */
  RETENTION_RECORDINGS_DAYS: retentionDays,
  RETENTION_PERSONAL_DATA_DAYS: retentionDays,
  RETENTION_ATTEMPT_PARAMS_DAYS: retentionDays,
  RETENTION_AUDIT_DAYS: retentionDays,
  /** Salt of the numbers' hashes that replace them; unset: one generated once into `$DATA_DIR/retention-salt`. */
  RETENTION_HASH_SALT: z.string().min(16, "RETENTION_HASH_SALT must be at least 16 characters").optional(),
  /** Hour of the day (0–23, DISPLAY_TIME_ZONE) from which the worker runs the day's retention. */
  RETENTION_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  /**
   * The Ed25519 private key (PKCS#8, PEM or base64 DER) that signs evidence bundles; unset: one generated
   * once into DATA_DIR (evidence-signing-key.pem).
   */
  EVIDENCE_SIGNING_KEY: z
    .string()
    .refine(isSigningKey, "EVIDENCE_SIGNING_KEY is not an Ed25519 private key (PKCS#8, PEM or base64 DER)")
    .optional(),
});
