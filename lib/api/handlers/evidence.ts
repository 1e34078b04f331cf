import "server-only";
import { bundleFileName, exportRecordEvidence } from "../../evidence/mutations";
import { ApiError } from "../errors";
import type { ApiAnswer, ApiRequest } from "../handler";

/** GET /call-records/{call_record_id}/evidence: the signed bundle, streamed (the export is audited as the token's owner). */
export async function getCallRecordEvidenceHandler({
  params,
  query,
  principal,
}: ApiRequest<{ call_record_id: string }, { reason: string }, undefined>): Promise<ApiAnswer> {
  const id = BigInt(params.call_record_id);
  const stream = await exportRecordEvidence(principal.user, id, query.reason);
  if (!stream) throw new ApiError(404, "not_found", `No call record ${params.call_record_id}.`);
  return {
    body: null,
    file: { stream, contentType: "application/zip", fileName: bundleFileName({ callRecordId: id }) },
  };
}
