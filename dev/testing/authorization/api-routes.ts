import * as api from "../api";
import { onlyFrom, type ApiExpect } from "./expect";

/**
 * Every /api/v1 route × method, called with a personal access token of each
 * role (and without one). A route file under app/api/v1 that is not listed
 * here fails "lists every /api/v1 route".
 */
export const API_ROUTES: {
  method: string;
  path: string;
  call: (token: string | null) => Promise<Response>;
  expect: ApiExpect;
}[] = [
  { method: "POST", path: "/call-records", call: (t) => api.call(t, "POST", "/call-records", []), expect: "ingest" },
  {
    method: "GET",
    path: "/call-records",
    call: (t) => api.call(t, "GET", "/call-records?job=999999999"),
    expect: onlyFrom("operator"),
  },
  {
    method: "GET",
    path: "/call-records (unmasked)",
    call: (t) => api.call(t, "GET", "/call-records?job=999999999&unmasked=true"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/call-records/{call_record_id}",
    call: (t) => api.call(t, "GET", "/call-records/999999999"),
    expect: onlyFrom("operator"),
  },
  {
    method: "PATCH",
    path: "/call-records/{call_record_id}/correction",
    call: (t) =>
      api.call(t, "PATCH", "/call-records/999999999/correction", { fields: { result_status: "X" }, reason: "matrix" }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "DELETE",
    path: "/call-records/{call_record_id}/correction",
    call: (t) => api.call(t, "DELETE", "/call-records/999999999/correction"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/call-records/{call_record_id}/evidence",
    call: (t) => api.call(t, "GET", "/call-records/999999999/evidence?reason=matrix+test"),
    expect: onlyFrom("supervisor"),
  },
  { method: "GET", path: "/jobs", call: (t) => api.call(t, "GET", "/jobs?size=1"), expect: onlyFrom("operator") },
  {
    method: "GET",
    path: "/jobs/{robot_call_job_id}",
    call: (t) => api.call(t, "GET", "/jobs/999999999"),
    expect: onlyFrom("operator"),
  },
  {
    method: "GET",
    path: "/submissions",
    call: (t) => api.call(t, "GET", "/submissions?limit=1"),
    expect: onlyFrom("operator"),
  },
  {
    method: "POST",
    path: "/submissions",
    call: (t) => api.call(t, "POST", "/submissions", { ids: ["999999999"], dry_run: true }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/submissions/{id}",
    call: (t) => api.call(t, "GET", "/submissions/999999999"),
    expect: onlyFrom("operator"),
  },
  {
    method: "POST",
    path: "/submissions/{id}/cancel",
    call: (t) => api.call(t, "POST", "/submissions/999999999/cancel"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/submissions/{id}/resubmit-failures",
    call: (t) => api.call(t, "POST", "/submissions/999999999/resubmit-failures", { dry_run: true }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/submissions/{id}/approve",
    call: (t) => api.call(t, "POST", "/submissions/999999999/approve", { comment: "ok" }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/submissions/{id}/reject",
    call: (t) => api.call(t, "POST", "/submissions/999999999/reject", { comment: "no" }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/reconciliation",
    call: (t) => api.call(t, "GET", "/reconciliation?job=999999999"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/reporting-rules",
    call: (t) => api.call(t, "GET", "/reporting-rules"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/reporting-rules",
    call: (t) => api.call(t, "POST", "/reporting-rules", { name: "", filter: "job=1" }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/reporting-rules/{id}",
    call: (t) => api.call(t, "GET", "/reporting-rules/999999999"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "PATCH",
    path: "/reporting-rules/{id}",
    call: (t) => api.call(t, "PATCH", "/reporting-rules/999999999", { enabled: false }),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "DELETE",
    path: "/reporting-rules/{id}",
    call: (t) => api.call(t, "DELETE", "/reporting-rules/999999999"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "POST",
    path: "/reporting-rules/{id}/dry-run",
    call: (t) => api.call(t, "POST", "/reporting-rules/999999999/dry-run"),
    expect: onlyFrom("supervisor"),
  },
  {
    method: "GET",
    path: "/alert-channels",
    call: (t) => api.call(t, "GET", "/alert-channels"),
    expect: onlyFrom("admin"),
  },
  {
    method: "POST",
    path: "/alert-channels",
    call: (t) => api.call(t, "POST", "/alert-channels", { name: "", type: "webhook", url: "x" }),
    expect: onlyFrom("admin"),
  },
  {
    method: "GET",
    path: "/alert-channels/{id}",
    call: (t) => api.call(t, "GET", "/alert-channels/999999999"),
    expect: onlyFrom("admin"),
  },
  {
    method: "PATCH",
    path: "/alert-channels/{id}",
    call: (t) => api.call(t, "PATCH", "/alert-channels/999999999", { enabled: false }),
    expect: onlyFrom("admin"),
  },
  {
    method: "DELETE",
    path: "/alert-channels/{id}",
    call: (t) => api.call(t, "DELETE", "/alert-channels/999999999"),
    expect: onlyFrom("admin"),
  },
  {
    method: "POST",
    path: "/alert-channels/{id}/test",
    call: (t) => api.call(t, "POST", "/alert-channels/999999999/test"),
    expect: onlyFrom("admin"),
  },
  { method: "GET", path: "/audit", call: (t) => api.call(t, "GET", "/audit?action=none"), expect: onlyFrom("admin") },
  { method: "GET", path: "/openapi.json", call: (t) => api.call(t, "GET", "/openapi.json"), expect: "public" },
];
