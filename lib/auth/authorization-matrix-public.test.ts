import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env";
import { ROLES, type Role } from "./permissions";
import { SESSION_COOKIE } from "./sessions";
import { sessionFor } from "./test-session";

/** The public end of the authorization matrix: routes that answer without a session, and what they open. */

const tokens = {} as Record<Role, string>;
beforeAll(async () => {
  for (const role of ROLES) tokens[role] = (await sessionFor(role)).token;
});

/**
 * Operations endpoints: for load balancers and Prometheus, not people. Health and readiness say nothing
 * private and answer without a session; /metrics is never opened by a session, only by METRICS_TOKEN or
 * a loopback connection (lib/metrics/exposition.ts; lib/metrics/metrics.test.ts covers those).
 */
describe("authorization matrix: operations endpoints", () => {
  const cookies = () => ["", `${SESSION_COOKIE}=not-a-session`, ...ROLES.map((r) => `${SESSION_COOKIE}=${tokens[r]}`)];
  it("GET /api/health and GET /api/ready answer anyone, the same way", async () => {
    const health = await import("@/app/api/health/route");
    const ready = await import("@/app/api/ready/route");
    for (const cookie of cookies()) {
      void cookie; // neither route reads a session
      expect((await health.GET()).status).toBe(200);
      expect((await ready.GET()).status).toBe(200);
    }
  });
  it("GET /api/evidence/public-key answers anyone (a public key, for whoever checks a bundle)", async () => {
    process.env.EVIDENCE_SIGNING_KEY = generateKeyPairSync("ed25519")
      .privateKey.export({ format: "pem", type: "pkcs8" })
      .toString();
    resetEnvCache();
    const route = await import("@/app/api/evidence/public-key/route");
    for (const cookie of cookies()) {
      void cookie; // the route reads no session
      const res = route.GET();
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("BEGIN PUBLIC KEY");
    }
  });
  it("GET /metrics is not opened by any session", async () => {
    const metrics = await import("@/app/metrics/route");
    for (const cookie of cookies()) {
      const res = await metrics.GET(
        new Request("http://x/metrics", { headers: { cookie, "x-forwarded-for": "127.0.0.1" } }),
      );
      expect(res.status, cookie).toBe(403);
    }
  });
});

/**
 * Single sign-on's two legs (lib/auth/oidc) are public by design: they are how someone without a session
 * gets one. Here (no OIDC_ISSUER) they answer every caller alike and open nothing; with a provider,
 * lib/auth/oidc/oidc.test.ts covers who they sign in and who they refuse.
 */
describe("authorization matrix: single sign-on routes", () => {
  const cookies = () => ["", `${SESSION_COOKIE}=not-a-session`, ...ROLES.map((r) => `${SESSION_COOKIE}=${tokens[r]}`)];
  it("GET /api/auth/oidc/start and /api/auth/oidc/callback sign nobody in without a provider", async () => {
    const start = await import("@/app/api/auth/oidc/start/route");
    const callback = await import("@/app/api/auth/oidc/callback/route");
    for (const cookie of cookies()) {
      for (const res of [
        await start.GET(new Request("http://x/api/auth/oidc/start?next=/admin", { headers: { cookie } })),
        await callback.GET(new Request("http://x/api/auth/oidc/callback?code=a&state=b", { headers: { cookie } })),
      ]) {
        expect(res.status, cookie).toBe(303);
        expect(res.headers.get("location"), cookie).toBe("/sign-in?sso=not_configured");
        expect(
          res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`)),
          cookie,
        ).toBe(false);
      }
    }
  });
});
