import path from "node:path";

/** The sample the start banner's command pushes: valid records, ids as strings (int64 above 2^53). */
export const SAMPLE_RECORDS = path.resolve("examples/records.json");

/** A push command that works as pasted, from any directory: the sample's absolute path, the real token and address. */
export function pushRecordsCommand(token: string, publicUrl: string, file = SAMPLE_RECORDS): string {
  const quoted = `'${file.replaceAll("'", "'\\''")}'`;
  return `curl -sS -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" --data-binary @${quoted} ${publicUrl}/api/v1/call-records`;
}
