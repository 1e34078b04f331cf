import { evidencePublicKey } from "@/lib/evidence/bundle";

export const dynamic = "force-dynamic";

/**
 * GET /api/evidence/public-key: the key evidence bundles are signed with
 * (SPKI PEM). Public on purpose: whoever receives a bundle checks it against
 * this key (npm run evidence:verify -- bundle.zip --key <this URL or a saved copy>).
 */
export function GET(): Response {
  const { pem, keyId } = evidencePublicKey();
  return new Response(pem, {
    headers: {
      "Content-Type": "application/x-pem-file; charset=utf-8",
      "X-Key-Id": keyId,
      "Cache-Control": "no-cache",
    },
  });
}
