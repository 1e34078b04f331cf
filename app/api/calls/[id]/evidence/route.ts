import { recentlyAuthenticated } from "@/lib/auth/recent-auth";
import { reauthRequired, withPermission } from "@/lib/auth/route-guard";
import { bundleResponse, invalidEvidenceParams } from "@/lib/evidence/http";
import { bundleFileName, exportRecordEvidence } from "@/lib/evidence/mutations";
import { evidenceId, evidenceReason, parseEvidenceParams } from "@/lib/evidence/schema";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** GET /api/calls/<call_record_id>/evidence?reason=…: the record's signed evidence bundle (supervisors; audited). */
export const GET = withPermission(
  "evidence:export",
  async (request: Request, context: { params: Promise<{ id: string }> }, user, session) => {
    const parsed = parseEvidenceParams(
      { id: evidenceId, reason: evidenceReason },
      { id: (await context.params).id, reason: new URL(request.url).searchParams.get("reason") },
    );
    if (!parsed.ok) return invalidEvidenceParams(parsed.errors);
    // Full personal data leaves with the bundle: as for an unmasked export, the sign-in must be recent.
    if (!recentlyAuthenticated(session)) return reauthRequired(request);
    const { id, reason } = parsed.value;
    const body = await exportRecordEvidence(user, id, reason);
    if (!body) return errorResponse("not_found", `no call record ${id}`, [{ param: "id" }], 404);
    return bundleResponse(body, bundleFileName({ callRecordId: id }));
  },
);
