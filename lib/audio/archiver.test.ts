import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startVendorAudioServer, type VendorAudioServer } from "../../dev/testing/vendor-audio-server";

const archiveDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/lvr-archive-test-${process.pid}-${Date.now()}`;
  process.env.AUDIO_ARCHIVE_DIR = dir;
  return dir;
});

const { ingestCallRecords } = await import("../call-records/ingest/mutations");
const { prisma } = await import("../db/client");
const { SESSION_COOKIE } = await import("../auth/sessions");
const { sessionFor } = await import("../auth/test-session");
const { AudioArchiver, archiveRecording } = await import("./archiver");
const { openRecording } = await import("./recording");
const { GET } = await import("@/app/api/audio/[id]/route");

let vendor: VendorAudioServer;
let host = "";
const onlyOurLoopback = (address: string) => address === "127.0.0.1";
beforeAll(async () => {
  vendor = await startVendorAudioServer();
  host = vendor.host;
});
afterAll(() => vendor.close());

const config = (over: Partial<ConstructorParameters<typeof AudioArchiver>[0]> = {}) => ({
  dir: archiveDir,
  ratePerSecond: 1_000,
  concurrency: 4,
  maxAttempts: 4,
  leaseMs: 30_000,
  backoffBaseMs: 5,
  backoffMaxMs: 20,
  fetch: {
    ownOrigins: [],
    allowedHosts: [host],
    publicDir: path.resolve("public"),
    maxBytes: 1_000_000,
    timeoutMs: 5_000,
    addressPolicy: onlyOurLoopback,
  },
  ...over,
});

let nextId = 7_100_000_000_000_000_000n;
async function ingestWithAudio(pathname: string): Promise<bigint> {
  const id = nextId++;
  mine.push(id);
  const r = await ingestCallRecords(
    [
      {
        call_record_id: id.toString(),
        robot_call_job_id: "71",
        result_status: "ANSWERED",
        start_time: "2026-11-20 09:00:00",
        full_audio_url: `http://${host}${pathname}`,
      },
    ],
    { source: "api" },
  );
  expect(r.summary.created).toBe(1);
  return id;
}

async function archiveRow(callRecordId: bigint) {
  return prisma.audioArchive.findFirst({ where: { record: { callRecordId } } });
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline)
      throw new Error(`timed out; last ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Other test files share the database: this archiver takes only this file's records.
const mine: bigint[] = [];

async function runArchiver<T>(fn: () => Promise<T>, over: Parameters<typeof config>[0] = {}): Promise<T> {
  const archiver = new AudioArchiver({ ...config(over), only: mine }, { onError: (e) => console.error(e) }, 20);
  archiver.start();
  try {
    return await fn();
  } finally {
    await archiver.stop();
  }
}

describe("recording archiver", () => {
  it("queues a recording on ingest, stores it with size, type and SHA-256, and marks the record archived", async () => {
    const id = await ingestWithAudio("/rec-a.mp3");
    expect(await archiveRow(id)).toMatchObject({ state: "queued", sourceUrl: `http://${host}/rec-a.mp3` });
    const row = await runArchiver(() =>
      until(
        () => archiveRow(id),
        (r) => r?.state === "archived",
      ),
    );
    const sha = createHash("sha256").update(vendor.bytes).digest("hex");
    expect(row).toMatchObject({
      sha256: sha,
      sizeBytes: BigInt(vendor.bytes.length),
      contentType: "audio/mpeg",
      fileName: `${sha}.mp3`,
      attempts: 1,
      lastError: null,
    });
    expect(
      createHash("sha256")
        .update(await readFile(path.join(archiveDir, row!.fileName!)))
        .digest("hex"),
    ).toBe(sha);
    // The same content pushed again is unchanged and not queued again; a new link is.
    await ingestCallRecords(
      [
        {
          call_record_id: id.toString(),
          robot_call_job_id: "71",
          result_status: "ANSWERED",
          start_time: "2026-11-20 09:00:00",
          full_audio_url: `http://${host}/rec-a.mp3`,
        },
      ],
      { source: "api" },
    );
    expect((await archiveRow(id))?.state).toBe("archived");
    await ingestCallRecords(
      [
        {
          call_record_id: id.toString(),
          robot_call_job_id: "71",
          result_status: "ANSWERED",
          start_time: "2026-11-20 09:00:00",
          full_audio_url: `http://${host}/rec-b.mp3`,
        },
      ],
      { source: "api" },
    );
    expect(await archiveRow(id)).toMatchObject({ state: "queued", sourceUrl: `http://${host}/rec-b.mp3`, attempts: 0 });
  });

  it("retries a failing upstream with backoff, then archives; gives up after the last attempt; does not retry an expired link", async () => {
    vendor.failuresLeft.set("/flaky.mp3", 2);
    vendor.failuresLeft.set("/down.mp3", 1_000);
    const flaky = await ingestWithAudio("/flaky.mp3");
    const down = await ingestWithAudio("/down.mp3");
    const gone = await ingestWithAudio("/expired.mp3");
    const [a, b, c] = await runArchiver(() =>
      Promise.all([
        until(
          () => archiveRow(flaky),
          (r) => r?.state === "archived",
        ),
        until(
          () => archiveRow(down),
          (r) => r?.state === "failed",
        ),
        until(
          () => archiveRow(gone),
          (r) => r?.state === "failed",
        ),
      ]),
    );
    expect(a).toMatchObject({ attempts: 3, sha256: createHash("sha256").update(vendor.bytes).digest("hex") });
    expect(b).toMatchObject({ attempts: 4, lastError: "503 upstream", fileName: null });
    expect(c).toMatchObject({ attempts: 1, lastError: "link expired (403 upstream)" });
  });

  it("refuses what is not a recording, and leaves no partial file behind", async () => {
    await expect(archiveRecording(`http://${host}/page`, config())).rejects.toThrow(/text\/html, not a recording/);
    await expect(
      archiveRecording(`http://${host}/big.mp3`, config({ fetch: { ...config().fetch, maxBytes: 10_000 } })),
    ).rejects.toThrow(/larger than/);
    expect((await readdir(archiveDir)).filter((f) => f.startsWith(".incoming"))).toEqual([]);
  });

  it("keeps playing a recording whose link expired after it was archived, with Range", async () => {
    const id = await ingestWithAudio("/expires-later.mp3");
    await runArchiver(() =>
      until(
        () => archiveRow(id),
        (r) => r?.state === "archived",
      ),
    );
    vendor.expired.add("/expires-later.mp3");
    // The live link now answers 403, which the player shows as such…
    const live = await openRecording(`http://${host}/expires-later.mp3`, { ...config().fetch, range: null });
    expect(live.status).toBe(502);
    expect(await live.json()).toMatchObject({
      error: { message: "recording unavailable: link expired (403 upstream)" },
    });
    // …but the record plays from its archived copy.
    const { token } = await sessionFor("operator");
    const get = (range?: string) =>
      GET(
        new Request(`http://x/api/audio/${id}`, {
          headers: { cookie: `${SESSION_COOKIE}=${token}`, ...(range ? { range } : {}) },
        }),
        { params: Promise.resolve({ id: id.toString() }) },
      );
    const whole = await get();
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    expect(whole.headers.get("cache-control")).toContain("private");
    expect(Buffer.from(await whole.arrayBuffer()).equals(vendor.bytes)).toBe(true);
    const first = await get("bytes=0-99");
    expect(first.status).toBe(206);
    expect(first.headers.get("content-range")).toBe(`bytes 0-99/${vendor.bytes.length}`);
    expect(Buffer.from(await first.arrayBuffer()).equals(vendor.bytes.subarray(0, 100))).toBe(true);
    const middle = await get("bytes=20000-20999");
    expect(middle.headers.get("content-range")).toBe(`bytes 20000-20999/${vendor.bytes.length}`);
    expect(Buffer.from(await middle.arrayBuffer()).equals(vendor.bytes.subarray(20_000, 21_000))).toBe(true);
    const suffix = await get("bytes=-500");
    expect(suffix.headers.get("content-range")).toBe(
      `bytes ${vendor.bytes.length - 500}-${vendor.bytes.length - 1}/${vendor.bytes.length}`,
    );
    expect(Buffer.from(await suffix.arrayBuffer()).equals(vendor.bytes.subarray(vendor.bytes.length - 500))).toBe(true);
    const invalid = await get(`bytes=${vendor.bytes.length}-`);
    expect(invalid.status).toBe(416);
    expect(invalid.headers.get("content-range")).toBe(`bytes */${vendor.bytes.length}`);
    const download = await GET(
      new Request(`http://x/api/audio/${id}?download=1`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } }),
      { params: Promise.resolve({ id: id.toString() }) },
    );
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${id}.mp3"`);
  });
});

describe("recording proxy guard, end to end against an upstream", () => {
  const opts = (range: string | null = null, allowedHosts = [host, "169.254.169.254", "10.0.0.1"]) => ({
    ...config().fetch,
    allowedHosts,
    range,
  });

  it("passes the upstream's Range answer and content type through", async () => {
    const res = await openRecording(`http://${host}/x.mp3`, opts("bytes=10-19"));
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 10-19/${vendor.bytes.length}`);
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    expect(Buffer.from(await res.arrayBuffer()).equals(vendor.bytes.subarray(10, 20))).toBe(true);
  });

  it("re-checks every redirect hop: a redirect to the metadata service or a private address is refused", async () => {
    for (const p of ["/redirect-metadata", "/redirect-private"]) {
      const res = await openRecording(`http://${host}${p}`, opts());
      expect(res.status, p).toBe(502);
      expect(await res.json(), p).toMatchObject({
        error: { code: "refused", message: expect.stringContaining("private address") },
      });
    }
    // A redirect to a host that is not allowed is refused before any connection.
    const res = await openRecording(`http://${host}/redirect-metadata`, opts(null, [host]));
    expect(await res.json()).toMatchObject({ error: { code: "host_not_allowed" } });
  });

  it("refuses the metadata service and private addresses with the product's own guard", async () => {
    const product = { ...opts(), addressPolicy: undefined };
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/a.mp3", `http://${host}/rec.mp3`]) {
      const res = await openRecording(url, product);
      expect(res.status, url).toBe(502);
      expect(await res.json(), url).toMatchObject({ error: { code: "refused" } });
    }
  });
});
