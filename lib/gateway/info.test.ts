import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { parseEnv } from "../env";
import { WorkerPresence } from "../submissions/coordination";
import { configuredGateway, gatewayInfo } from "./info";

const base = { DATABASE_URL: process.env.DATABASE_URL! };
/** A web instance of a split deployment: no TOP settings of its own. */
const webOnly = parseEnv(base);
const presences: WorkerPresence[] = [];
afterAll(async () => {
  await Promise.all(presences.map((p) => p.leave()));
});

describe("the gateway the header shows", () => {
  it("is this process's own when its settings name one (host and port only)", async () => {
    const env = parseEnv({ ...base, TOP_GATEWAY_URL: "https://user:pw@gw.example.com:8443/router/rest" });
    expect(configuredGateway(env)).toEqual({ configured: true, host: "gw.example.com:8443", emulator: false });
    expect(await gatewayInfo(env)).toEqual({ configured: true, host: "gw.example.com:8443", emulator: false });
  });

  it("on a web instance without TOP settings, is what the live workers report", async () => {
    const host = `gw-${Date.now().toString(36)}.example.com`;
    const worker = new WorkerPresence({ host, emulator: false });
    presences.push(worker);
    await worker.heartbeat();
    expect(await gatewayInfo(webOnly)).toEqual({ configured: true, host, emulator: false });
  });

  it("ignores a worker whose heartbeat is stale, and says not configured when no live worker has one", async () => {
    const host = `stale-${Date.now().toString(36)}.example.com`;
    const worker = new WorkerPresence({ host, emulator: true });
    presences.push(worker);
    await worker.heartbeat();
    await prisma.$executeRaw`UPDATE submission_workers SET last_seen_at = now() - interval '1 minute' WHERE gateway_host IS NOT NULL`;
    expect(await gatewayInfo(webOnly)).toEqual({ configured: false, host: null, emulator: false });
  });
});
