import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionFor } from "@/lib/auth/test-session";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { disconnectPrisma } from "@/lib/db/client";
import { GET } from "./route";

let cookie = "";
beforeAll(async () => {
  cookie = `${SESSION_COOKIE}=${(await sessionFor("operator")).token}`;
});
afterAll(() => disconnectPrisma());

const get = (id: string, c = cookie) =>
  GET(new Request(`http://localhost/api/submissions/${encodeURIComponent(id)}`, { headers: { cookie: c } }), {
    params: Promise.resolve({ id }),
  });

describe("GET /api/submissions/<id>", () => {
  it("answers 400 naming the parameter for ids that are not int64, 404 for unknown ones", async () => {
    for (const id of ["9999999999999999999", "9223372036854775808", "abc", "1e3", "\u0000"]) {
      const res = await get(id);
      expect(res.status, id).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; details: { param: string }[] } };
      expect(body.error).toMatchObject({ code: "invalid_id", details: [{ param: "id" }] });
    }
    expect((await get("9223372036854775807")).status).toBe(404);
  });

  it("treats a session cookie with a broken percent-escape as no session (401, not 500)", async () => {
    for (const c of [`${SESSION_COOKIE}=%`, `${SESSION_COOKIE}=%E0%A4%A`, `${SESSION_COOKIE}=a%00b`])
      expect((await get("1", c)).status, c).toBe(401);
  });
});
