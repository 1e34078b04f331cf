import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "../../db/client";
import { handleIngestRequest } from "./ingest-request";

afterAll(() => disconnectPrisma());

const request = (headers: Record<string, string>) =>
  new Request("http://localhost/api/v1/call-records", {
    method: "POST",
    headers,
    body: '{"call_record_id":1,"robot_call_job_id":1}',
  });

describe("handleIngestRequest", () => {
  it("is disabled with a clear 503 when INGEST_TOKEN is not configured", async () => {
    const res = await handleIngestRequest(request({ authorization: "Bearer anything-at-all-0123456789" }), {
      token: undefined,
      maxBodyBytes: 1024,
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: {
        code: "ingest_disabled",
        message: "The ingest API is disabled: INGEST_TOKEN is not configured on the server.",
        details: null,
      },
    });
  });

  it("checks the token before anything about the body", async () => {
    const res = await handleIngestRequest(request({ "content-type": "text/csv" }), {
      token: "t".repeat(32),
      maxBodyBytes: 1,
    });
    expect(res.status).toBe(401);
  });
});
