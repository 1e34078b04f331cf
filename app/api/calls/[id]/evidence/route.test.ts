import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { sessionFor } from "@/lib/auth/test-session";
import { prisma } from "@/lib/db/client";
import { evidencePublicKey } from "@/lib/evidence/bundle";
import { verifyBundle } from "@/lib/evidence/verify";
import * as api from "@/dev/testing/api";
import { evidenceSettings, ingestFixture, saveStream } from "@/dev/testing/evidence-fixture";
import { GET as recordEvidence } from "./route";
import { GET as jobDayEvidence } from "@/app/api/jobs/[jobId]/evidence/route";
import { GET as publicKey } from "@/app/api/evidence/public-key/route";

const JOB = 75_000_000_001_001n;
const ID = 75_000_000_001_011n;
let dir: string;

beforeAll(async () => {
  await evidenceSettings();
  dir = await mkdtemp(path.join(os.tmpdir(), "lvr-evidence-route-"));
  await ingestFixture([{ id: ID, job: JOB, phone: "13912341011", name: "张三", startTime: "2026-04-02 09:00:00" }]);
});

const asRole = async (role: "operator" | "reviewer" | "supervisor") =>
  `${SESSION_COOKIE}=${(await sessionFor(role)).token}`;

function getRecord(cookie: string, id: string, query: string) {
  return recordEvidence(new Request(`http://x/api/calls/${id}/evidence?${query}`, { headers: { cookie } }), {
    params: Promise.resolve({ id }),
  });
}

describe("GET /api/calls/[id]/evidence", () => {
  it("refuses operators and reviewers", async () => {
    for (const role of ["operator", "reviewer"] as const)
      expect((await getRecord(await asRole(role), ID.toString(), "reason=looking+around")).status, role).toBe(403);
  });

  it("answers 400 naming a missing reason or a bad id, 404 for an unknown record", async () => {
    const cookie = await asRole("supervisor");
    const noReason = await getRecord(cookie, ID.toString(), "");
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.details).toEqual([expect.objectContaining({ param: "reason" })]);
    const badId = await getRecord(cookie, "12ab", "reason=dispute+123");
    expect((await badId.json()).error.details).toEqual([expect.objectContaining({ param: "id" })]);
    expect((await getRecord(cookie, "75000000001999", "reason=dispute+123")).status).toBe(404);
  });

  it("streams a verifiable bundle to a supervisor, and audits who and why", async () => {
    const s = await sessionFor("supervisor");
    const res = await getRecord(`${SESSION_COOKIE}=${s.token}`, ID.toString(), "reason=dispute+4711");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const file = path.join(dir, "route.zip");
    await saveStream(res.body!, file);
    expect(await verifyBundle(file, { publicKey: evidencePublicKey().pem })).toMatchObject({ ok: true });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "evidence.export", target: `call:${ID}`, actorId: s.userId },
    });
    expect(audit.details).toMatchObject({ reason: "dispute 4711", scope: "record" });
  });
});

describe("GET /api/jobs/[jobId]/evidence", () => {
  it("answers 400 naming a missing or bad day", async () => {
    const cookie = await asRole("supervisor");
    for (const query of ["reason=audit+day", "day=2026-02-30&reason=audit+day"]) {
      const res = await jobDayEvidence(
        new Request(`http://x/api/jobs/${JOB}/evidence?${query}`, { headers: { cookie } }),
        { params: Promise.resolve({ jobId: JOB.toString() }) },
      );
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.details, query).toEqual([expect.objectContaining({ param: "day" })]);
    }
  });
});

describe("GET /api/v1/call-records/{call_record_id}/evidence", () => {
  it("answers the bundle as a file to a supervisor's token, 403 to an operator's, 400 without a reason", async () => {
    const supervisor = await api.tokenFor("supervisor");
    const res = await api.call(supervisor.token, "GET", `/call-records/${ID}/evidence?reason=court+order+88`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("ratelimit-limit")).toBeTruthy();
    const file = path.join(dir, "api.zip");
    await saveStream(res.body!, file);
    expect(await verifyBundle(file)).toMatchObject({ ok: true, manifest: { reason: "court order 88" } });
    const operator = await api.tokenFor("operator");
    expect((await api.call(operator.token, "GET", `/call-records/${ID}/evidence?reason=court+order+88`)).status).toBe(
      403,
    );
    const missing = await api.call(supervisor.token, "GET", `/call-records/${ID}/evidence`);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain("reason");
  });
});

describe("GET /api/evidence/public-key", () => {
  it("answers the signing key's public half to anyone", async () => {
    const res = publicKey();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(evidencePublicKey().pem);
  });
});
