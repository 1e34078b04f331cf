import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { sessionFor } from "@/lib/auth/test-session";
import { prisma } from "@/lib/db/client";

/**
 * What the alerts pages hand to the browser: every prop of the element tree
 * they render (client components' props are what the page payload carries)
 * is searched for the channel's secret. Unknown and invalid ids are 404s.
 */

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers({ "x-lvr-path": "/admin/alerts" }),
}));

const listPage = (await import("./(list)/page")).default;
const channelPage = (await import("./[id]/page")).default;

const SECRET = "SECpages0123456789abcdefsecretvalue";
const NAME = `test-51-pages-${process.pid}`;
let channelId: bigint;

beforeAll(async () => {
  token = (await sessionFor("admin")).token;
  const c = await prisma.alertChannel.create({
    data: {
      name: NAME,
      type: "dingtalk",
      url: "https://oapi.dingtalk.com/robot/send?access_token=tok51",
      secret: SECRET,
      events: ["batch.failures"],
      createdBy: "test",
    },
  });
  channelId = c.id;
  await prisma.alertDelivery.create({
    data: {
      channelId,
      kind: "test",
      messageId: "msg_pages51",
      payload: { title: "A test" },
      state: "delivered",
      attempts: 1,
    },
  });
});

afterAll(async () => {
  await prisma.alertChannel.deleteMany({ where: { name: NAME } });
});

/** Every string and number in the element tree's props, depth first (functions and symbols carry no data). */
function propText(node: unknown, seen = new Set<unknown>()): string {
  if (node === null || node === undefined) return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint" || typeof node === "boolean")
    return `${String(node)}\n`;
  if (node instanceof Date) return `${node.toISOString()}\n`;
  if (typeof node !== "object" || seen.has(node)) return "";
  seen.add(node);
  if (Array.isArray(node)) return node.map((n) => propText(n, seen)).join("");
  const el = node as { props?: unknown };
  if ("props" in el && "$$typeof" in (node as object)) return propText(el.props, seen);
  return Object.values(node as Record<string, unknown>)
    .map((v) => propText(v, seen))
    .join("");
}

describe("the alerts pages", () => {
  it("never carry a channel's secret, only whether it is set", async () => {
    const list = propText(await listPage());
    expect(list).toContain(NAME);
    expect(list).not.toContain(SECRET);
    expect(list).not.toContain("tok51"); // the robot's token in the URL is masked in the list
    const one = propText(
      await channelPage({ params: Promise.resolve({ id: String(channelId) }), searchParams: Promise.resolve({}) }),
    );
    expect(one).toContain(NAME);
    expect(one).toContain("A test"); // the delivery log is there
    expect(one).not.toContain(SECRET);
  });

  it("answers 404 for an unknown or invalid id", async () => {
    for (const id of ["999999999999", "abc", "99999999999999999999", "-1"]) {
      const outcome = await channelPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }).then(
        () => "rendered",
        (err: { digest?: string }) => err.digest ?? String(err),
      );
      expect(outcome, id).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
    }
  });

  it("shows a notice for an invalid page cursor instead of failing", async () => {
    const text = propText(
      await channelPage({
        params: Promise.resolve({ id: String(channelId) }),
        searchParams: Promise.resolve({ before: "x'1" }),
      }),
    );
    expect(text).toContain("before");
    expect(text).toContain("x'1");
  });
});
