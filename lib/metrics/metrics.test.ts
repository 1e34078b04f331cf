import { describe, expect, it } from "vitest";
import { markPeerAddressServed, PEER_ADDRESS_HEADER } from "../http/peer-address.mjs";
import { metricsAccess } from "./exposition";
import { routeLabel } from "./http.mjs";

describe("metrics access", () => {
  it("wants the bearer token when METRICS_TOKEN is set, from anywhere", () => {
    const token = "metrics-token-0123456789";
    expect(metricsAccess(`Bearer ${token}`, "203.0.113.9", token)).toBe("ok");
    expect(metricsAccess("Bearer wrong", "127.0.0.1", token)).toBe("unauthorized");
    expect(metricsAccess(null, "127.0.0.1", token)).toBe("unauthorized");
  });

  it("answers only this machine without a token, by the connection's address", () => {
    expect(metricsAccess(null, "127.0.0.1", undefined)).toBe("ok");
    expect(metricsAccess(null, "::ffff:127.0.0.1", undefined)).toBe("ok");
    expect(metricsAccess(null, "10.0.0.5", undefined)).toBe("forbidden");
    expect(metricsAccess(null, null, undefined)).toBe("forbidden");
  });

  it("labels routes by pattern, so ids do not multiply the series", () => {
    expect(routeLabel("/calls/123?x=1")).toBe("/calls/[id]");
    expect(routeLabel("/api/submissions/99")).toBe("/api/submissions/[id]");
    expect(routeLabel("/_next/static/chunks/a.js")).toBe("/_next/*");
  });
});

describe("GET /metrics", () => {
  it("serves the listed series to a loopback client", async () => {
    const { GET } = await import("@/app/metrics/route");
    const denied = await GET(new Request("http://x/metrics", { headers: { [PEER_ADDRESS_HEADER]: "127.0.0.1" } }));
    expect(denied.status).toBe(403); // the header is believed only from the web server
    markPeerAddressServed();
    const res = await GET(new Request("http://x/metrics", { headers: { [PEER_ADDRESS_HEADER]: "127.0.0.1" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const body = await res.text();
    for (const series of [
      "lvr_ingest_records_total",
      "lvr_submission_queue_jobs",
      "lvr_top_calls_total",
      "lvr_top_call_duration_seconds",
      "lvr_top_rate_limit_wait_seconds",
      "lvr_top_bans_total",
      "lvr_archive_backlog",
      "lvr_rollup_delta_backlog",
      "lvr_compliance_followup_backlog",
      "lvr_db_pool_connections",
      "lvr_workers_alive",
      "lvr_worker_heartbeat_age_seconds",
      "lvr_up 1",
      "process_resident_memory_bytes",
    ]) {
      expect(body, series).toContain(series);
    }
    expect(body).toMatch(/lvr_submission_queue_jobs\{state="queued"\} \d+/);
  });
});

describe("GET /api/ready", () => {
  it("is ready when the database answers and every migration is applied", async () => {
    const { GET } = await import("@/app/api/ready/route");
    const res = await GET();
    const body = (await res.json()) as { ready: boolean; migrations: { pending: string[] } };
    expect(body.migrations.pending).toEqual([]);
    expect(res.status).toBe(200);
    expect(body.ready).toBe(true);
  });
});
