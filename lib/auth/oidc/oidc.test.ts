import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CookieJar, signInAtProvider, startTestProvider, type TestProvider } from "@/dev/testing/oidc-provider";

/**
 * Single sign-on against a real OIDC provider (oidc-provider on a loopback
 * port): the console's own start and callback route handlers, called with
 * Request objects, the provider's pages driven with a cookie jar.
 */

const PUBLIC_URL = "http://console.test";
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CONSOLE = { clientId: "lvr-console", clientSecret: "console-secret-0123456789abcdef" };
const INTRUDER = { clientId: "another-app", clientSecret: "another-secret-0123456789abcdef" };

let provider: TestProvider;
const tag = Math.random().toString(36).slice(2, 8);
const person = (id: string, groups: string[]) => {
  const p = { email: `${id}-${tag}@idp.test`, name: `Person ${id}`, groups };
  provider.people.set(`${id}-${tag}`, p);
  return { login: `${id}-${tag}`, ...p };
};

beforeAll(async () => {
  provider = await startTestProvider(REDIRECT_URI, [CONSOLE, INTRUDER]);
  Object.assign(process.env, {
    PUBLIC_URL,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CONSOLE.clientId,
    OIDC_CLIENT_SECRET: CONSOLE.clientSecret,
    OIDC_NAME: "Test IdP",
    OIDC_ROLE_MAP: "lvr-admins:admin,lvr-supervisors:supervisor,lvr-reviewers:reviewer",
    REQUIRE_2FA_ROLES: "supervisor,admin",
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await provider.close();
});

const { startOidc, finishOidc } = await import("./routes");
const { prisma } = await import("../../db/client");
const { sessionForToken, SESSION_COOKIE } = await import("../sessions");

/** Start → provider → callback, as a browser would; `tamper` may change the callback URL before the console sees it. */
async function signIn(login: string, tamper: (callback: URL) => URL = (u) => u) {
  const jar = new CookieJar();
  const start = await startOidc(new Request(`${PUBLIC_URL}/api/auth/oidc/start?next=%2Fcalls%3Fjob%3D1`));
  expect(start.status).toBe(303);
  jar.take(start);
  const authorization = new URL(start.headers.get("location") ?? "");
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  const callback = tamper(await signInAtProvider(authorization.href, login, REDIRECT_URI));
  const done = await finishOidc(new Request(callback, { headers: { cookie: jar.header(), "user-agent": "vitest" } }));
  jar.take(done);
  expect(done.status).toBe(303);
  const token = jar.get(SESSION_COOKIE);
  return { location: done.headers.get("location"), session: token ? await sessionForToken(token) : null };
}

const audit = (email: string) =>
  prisma.auditEvent.findMany({
    where: { target: email },
    orderBy: { id: "asc" },
    select: { action: true, details: true },
  });

describe("single sign-on (OIDC)", () => {
  it("provisions the account with the mapped role on first sign-in; the highest of several groups wins", async () => {
    const p = person("first", ["lvr-reviewers", "lvr-supervisors", "unrelated"]);
    const { location, session } = await signIn(p.login);
    expect(location).toBe("/calls?job=1");
    // Signed in, with no second factor owed although supervisors must have one: the provider answers for that.
    expect(session).toMatchObject({ step: null, user: { email: p.email, role: "supervisor", name: p.name } });
    expect((await audit(p.email)).map((e) => e.action)).toEqual(["user.oidc_provisioned", "sign_in.oidc"]);
  });

  it("changes the role at the next sign-in when the groups change", async () => {
    const p = person("mover", ["lvr-reviewers"]);
    expect((await signIn(p.login)).session?.user.role).toBe("reviewer");
    provider.people.get(p.login)!.groups = ["lvr-admins"];
    expect((await signIn(p.login)).session?.user.role).toBe("admin");
    const events = await audit(p.email);
    expect(events.map((e) => e.action)).toEqual([
      "user.oidc_provisioned",
      "sign_in.oidc",
      "user.oidc_role_changed",
      "sign_in.oidc",
    ]);
    expect(events[2]?.details).toMatchObject({ from: "reviewer", to: "admin" });
  });

  it("refuses someone in no mapped group, with no account created", async () => {
    const p = person("outsider", ["staff"]);
    const { location, session } = await signIn(p.login);
    expect(location).toBe("/sign-in?sso=no_role");
    expect(session).toBeNull();
    expect(await prisma.user.findUnique({ where: { email: p.email } })).toBeNull();
    expect((await audit(p.email)).map((e) => e.action)).toEqual(["sign_in.oidc_refused"]);
  });

  it("refuses a disabled account", async () => {
    const p = person("disabled", ["lvr-admins"]);
    await signIn(p.login);
    await prisma.user.update({ where: { email: p.email }, data: { disabledAt: new Date() } });
    expect((await signIn(p.login)).location).toBe("/sign-in?sso=disabled");
  });

  it("refuses a tampered state", async () => {
    const p = person("tampered", ["lvr-admins"]);
    const { location, session } = await signIn(p.login, (u) => {
      u.searchParams.set("state", "x".repeat(43));
      return u;
    });
    expect(location).toBe("/sign-in?sso=failed");
    expect(session).toBeNull();
    expect(await prisma.user.findUnique({ where: { email: p.email } })).toBeNull();
  });

  it("refuses an ID token issued to another client (another audience)", async () => {
    const p = person("audience", ["lvr-admins"]);
    // The authorization and the token request go out as the other client, so the provider signs a
    // genuine ID token (same nonce, same PKCE) whose audience is that client, not the console.
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith(provider.issuer) && url.includes("/token") && init?.body) {
        const body = new URLSearchParams(String(init.body));
        body.set("client_id", INTRUDER.clientId);
        body.set("client_secret", INTRUDER.clientSecret);
        return realFetch(input, { ...init, body: body.toString() });
      }
      if (url.startsWith(`${provider.issuer}/auth?`)) {
        const auth = new URL(url);
        auth.searchParams.set("client_id", INTRUDER.clientId);
        return realFetch(auth, init);
      }
      return realFetch(input, init);
    });
    try {
      const { location, session } = await signIn(p.login);
      expect(location).toBe("/sign-in?sso=failed");
      expect(session).toBeNull();
    } finally {
      spy.mockRestore();
    }
    const failed = await prisma.auditEvent.findFirst({
      where: { action: "sign_in.oidc_failed" },
      orderBy: { id: "desc" },
    });
    expect(JSON.stringify(failed?.details)).toMatch(/\\"aud\\" \(audience\)/);
  });

  it("refuses a callback without the sign-in's cookie", async () => {
    const res = await finishOidc(new Request(`${REDIRECT_URI}?code=abc&state=def`));
    expect(res.headers.get("location")).toBe("/sign-in?sso=failed");
  });
});
