import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isDraining, trackRequests } from "./graceful.mjs";

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("lvr-console.draining")];
});

function slowServer(
  ms: number,
): Promise<{ url: string; drain: (graceMs: number) => Promise<boolean>; inFlight: () => number }> {
  const server = http.createServer((_req, res) => setTimeout(() => res.end("done"), ms));
  servers.push(server);
  const tracked = trackRequests(server);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        drain: tracked.drain,
        inFlight: tracked.inFlight,
      }),
    ),
  );
}

describe("graceful drain", () => {
  it("finishes every request in flight, refuses new connections, and says it is draining", async () => {
    const { url, drain, inFlight: serving } = await slowServer(3_000);
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(url, { signal: AbortSignal.timeout(15_000) }).then(async (r) => ({
        status: r.status,
        body: await r.text(),
        connection: r.headers.get("connection"),
      })),
    );
    // All twenty are being answered when the drain starts (on a loaded machine they arrive over a while).
    for (const deadline = Date.now() + 10_000; serving() < 20 && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 10));
    expect(serving()).toBe(20);
    const drained = drain(5_000);
    expect(isDraining()).toBe(true);
    const answers = await Promise.all(inFlight);
    expect(answers.every((a) => a.status === 200 && a.body === "done")).toBe(true);
    expect(await drained).toBe(true);
    await expect(fetch(url, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });

  it("cuts off what is still running after the grace", async () => {
    const { url, drain } = await slowServer(10_000);
    const hung = fetch(url).then(
      () => "answered",
      () => "cut off",
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    expect(await drain(300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await hung).toBe("cut off");
  });
});
