import * as api from "../api";
import { onlyFrom, type ApiExpect } from "./expect";

interface ApiRouteRow {
  method: string;
  path: string;
  call: (token: string | null) => Promise<Response>;
  expect: ApiExpect;
}

/** `route` is the method and the documented path ("GET /jobs/{robot_call_job_id}"); `url` what is called, with `body`. */
function row(expect: ApiExpect, route: string, url: string, body?: unknown): ApiRouteRow {
  const space = route.indexOf(" ");
  const method = route.slice(0, space);
  return { method, path: route.slice(space + 1), call: (t) => api.call(t, method, url, body), expect };
}

/**
 * Every /api/v1 route × method, called with a personal access token of each
 * role (and without one). A route file under app/api/v1 that is not listed
 * here fails "lists every /api/v1 route".
 */
export const API_ROUTES: ApiRouteRow[] = [
  row("ingest", "POST /call-records", "/call-records", []),
  row(onlyFrom("operator"), "GET /call-records", "/call-records?job=999999999"),
  row(onlyFrom("supervisor"), "GET /call-records (unmasked)", "/call-records?job=999999999&unmasked=true"),
  row(onlyFrom("operator"), "GET /call-records/{call_record_id}", "/call-records/999999999"),
  row(onlyFrom("supervisor"), "PATCH /call-records/{call_record_id}/correction", "/call-records/999999999/correction", {
    fields: { result_status: "X" },
    reason: "matrix",
  }),
  row(onlyFrom("supervisor"), "DELETE /call-records/{call_record_id}/correction", "/call-records/999999999/correction"),
  row(
    onlyFrom("supervisor"),
    "GET /call-records/{call_record_id}/evidence",
    "/call-records/999999999/evidence?reason=matrix+test",
  ),
  row(onlyFrom("operator"), "GET /jobs", "/jobs?size=1"),
  row(onlyFrom("operator"), "GET /jobs/{robot_call_job_id}", "/jobs/999999999"),
  row(onlyFrom("operator"), "GET /submissions", "/submissions?limit=1"),
  row(onlyFrom("supervisor"), "POST /submissions", "/submissions", { ids: ["999999999"], dry_run: true }),
  row(onlyFrom("operator"), "GET /submissions/{id}", "/submissions/999999999"),
  row(onlyFrom("supervisor"), "POST /submissions/{id}/cancel", "/submissions/999999999/cancel"),
  row(onlyFrom("supervisor"), "POST /submissions/{id}/resubmit-failures", "/submissions/999999999/resubmit-failures", {
    dry_run: true,
  }),
  row(onlyFrom("supervisor"), "POST /submissions/{id}/approve", "/submissions/999999999/approve", { comment: "ok" }),
  row(onlyFrom("supervisor"), "POST /submissions/{id}/reject", "/submissions/999999999/reject", { comment: "no" }),
  row(onlyFrom("supervisor"), "GET /reconciliation", "/reconciliation?job=999999999"),
  row(onlyFrom("supervisor"), "GET /reporting-rules", "/reporting-rules"),
  row(onlyFrom("supervisor"), "POST /reporting-rules", "/reporting-rules", { name: "", filter: "job=1" }),
  row(onlyFrom("supervisor"), "GET /reporting-rules/{id}", "/reporting-rules/999999999"),
  row(onlyFrom("supervisor"), "PATCH /reporting-rules/{id}", "/reporting-rules/999999999", { enabled: false }),
  row(onlyFrom("supervisor"), "DELETE /reporting-rules/{id}", "/reporting-rules/999999999"),
  row(onlyFrom("supervisor"), "POST /reporting-rules/{id}/dry-run", "/reporting-rules/999999999/dry-run"),
  row(onlyFrom("admin"), "GET /alert-channels", "/alert-channels"),
  row(onlyFrom("admin"), "POST /alert-channels", "/alert-channels", { name: "", type: "webhook", url: "x" }),
  row(onlyFrom("admin"), "GET /alert-channels/{id}", "/alert-channels/999999999"),
  row(onlyFrom("admin"), "PATCH /alert-channels/{id}", "/alert-channels/999999999", { enabled: false }),
  row(onlyFrom("admin"), "DELETE /alert-channels/{id}", "/alert-channels/999999999"),
  row(onlyFrom("admin"), "POST /alert-channels/{id}/test", "/alert-channels/999999999/test"),
  row(onlyFrom("admin"), "GET /audit", "/audit?action=none"),
  row("public", "GET /openapi.json", "/openapi.json"),
];
