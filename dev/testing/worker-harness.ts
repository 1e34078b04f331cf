import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { ingestCallRecords } from "../../lib/call-records/ingest/mutations";
import { prisma } from "../../lib/db/client";
import type { WorkerConfig } from "../../lib/submissions/config";
import { SubmissionWorker } from "../../lib/submissions/worker";
import { createTopClient, type TopClient } from "../../lib/top/client";
import type { TopConfig } from "../../lib/top/config";
import { startTopEmulator, type TopEmulator } from "../top-emulator/server";

/**
 * The submission worker's test files share this: an emulator of their own, workers that are stopped after
 * each test (a failed test must not leave one claiming the next test's jobs), and jobs seeded through the
 * ingest path in an id range of the file's own (test files share one database).
 */

export const WORKER_TEST_SECRET = "worker-test-secret";
export const WORKER_TEST_APP = "worker-app";

export const fastWorker: WorkerConfig = {
  maxQps: 5_000,
  concurrency: 16,
  maxAttempts: 6,
  leaseMs: 30_000,
  backoffBaseMs: 5,
  backoffMaxMs: 50,
};

export interface WorkerHarness {
  readonly emulator: TopEmulator;
  readonly topConfig: TopConfig;
  /** A job id no other test has used. */
  nextJobId(): bigint;
  /** A job of its own with `n` valid records, stored through the ingest path. */
  seedJob(n: number): Promise<{ jobId: bigint; ids: bigint[] }>;
  /** A worker with the fast settings, stopped after the test. */
  worker(config?: Partial<WorkerConfig>, top?: Partial<TopConfig>): SubmissionWorker;
  /** The records of the job that the emulator received. */
  receivedOf(jobId: bigint): ReturnType<TopEmulator["received"]["toJSON"]>["apps"][string]["entries"];
}

export function workerHarness(ids: { firstJob: bigint; firstRecord: bigint }): WorkerHarness {
  let emulator: TopEmulator | undefined;
  let topConfig: TopConfig | undefined;
  const clients: TopClient[] = [];
  const workers: SubmissionWorker[] = [];
  let nextJob = ids.firstJob;
  let nextRecord = ids.firstRecord;

  beforeAll(async () => {
    emulator = await startTopEmulator({ apps: new Map([[WORKER_TEST_APP, WORKER_TEST_SECRET]]) });
    // A generous timeout: on a loaded machine a 300 ms one times out answers that
    // were on their way (sent twice, at-least-once), which the tests that count
    // sends cannot tell from a bug. The fault test sets its own short one.
    topConfig = {
      gatewayUrl: emulator.gatewayUrl,
      appKey: WORKER_TEST_APP,
      appSecret: WORKER_TEST_SECRET,
      signMethod: "hmac-sha256",
      format: "json",
      timeoutMs: 5_000,
      connectTimeoutMs: 1000,
    };
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await emulator?.close();
  });

  const started = () => {
    if (!emulator || !topConfig) throw new Error("the worker harness is used before its beforeAll ran");
    return { emulator, topConfig };
  };

  return {
    get emulator() {
      return started().emulator;
    },
    get topConfig() {
      return started().topConfig;
    },
    nextJobId: () => nextJob++,
    async seedJob(n) {
      const jobId = nextJob++;
      const recordIds = Array.from({ length: n }, () => nextRecord++);
      for (let i = 0; i < n; i += 1000) {
        const items = recordIds.slice(i, i + 1000).map((id) => ({
          call_record_id: id.toString(),
          robot_call_job_id: jobId.toString(),
          result_status: "ANSWERED",
          start_time: "2026-03-01 09:00:00",
          end_time: "2026-03-01 09:01:00",
          chat_duration: 55,
          name: "张三",
          called_phone_number: "13800001234",
        }));
        const r = await ingestCallRecords(items, { source: "api" });
        expect(r.summary.rejected).toBe(0);
      }
      return { jobId, ids: recordIds };
    },
    worker(config = {}, top = {}) {
      const client = createTopClient({ ...started().topConfig, ...top });
      clients.push(client);
      const w = new SubmissionWorker(
        client,
        { ...fastWorker, ...config },
        { onError: (e) => console.error(e) },
        20,
        100,
      );
      workers.push(w);
      return w;
    },
    receivedOf(jobId) {
      return (started().emulator.received.toJSON().apps[WORKER_TEST_APP]?.entries ?? []).filter(
        (e) => e.robot_call_job_id === jobId.toString(),
      );
    },
  };
}

export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting; last value ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x))}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const batchOf = (id: bigint) => prisma.submissionBatch.findUniqueOrThrow({ where: { id } });

export async function recordStates(jobId: bigint) {
  const rows = await prisma.callRecord.groupBy({
    by: ["submissionState"],
    where: { robotCallJobId: jobId },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.submissionState, r._count._all]));
}
