import { recentlyAuthenticated } from "@/lib/auth/recent-auth";
import { reauthRequired, withPermission } from "@/lib/auth/route-guard";
import { bundleResponse, invalidEvidenceParams } from "@/lib/evidence/http";
import { bundleFileName, exportJobDayEvidence } from "@/lib/evidence/mutations";
import { evidenceDay, evidenceId, evidenceReason, parseEvidenceParams } from "@/lib/evidence/schema";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/**
 * GET /api/jobs/<jobId>/evidence?day=yyyy-MM-dd&reason=…: every record of the
 * job whose call started that day (DISPLAY_TIME_ZONE), as one signed bundle,
 * streamed (supervisors; audited).
 */
export const GET = withPermission(
  "evidence:export",
  async (request: Request, context: { params: Promise<{ jobId: string }> }, user, session) => {
    const search = new URL(request.url).searchParams;
    const parsed = parseEvidenceParams(
      { jobId: evidenceId, day: evidenceDay, reason: evidenceReason },
      { jobId: (await context.params).jobId, day: search.get("day"), reason: search.get("reason") },
    );
    if (!parsed.ok) return invalidEvidenceParams(parsed.errors);
    if (!recentlyAuthenticated(session)) return reauthRequired(request);
    const { jobId, day, reason } = parsed.value;
    const body = await exportJobDayEvidence(user, jobId, day, reason);
    if (!body)
      return errorResponse("not_found", `job ${jobId} has no record that started on ${day}`, [{ param: "day" }], 404);
    return bundleResponse(body, bundleFileName({ jobId, day }));
  },
);
