import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../lib/db/embedded-postgres";
import { queryRows } from "../dev/testing/pg";

// `npm start` supervises the embedded PostgreSQL: its postmaster SIGKILLed in
// the middle of a batch, the server is restarted (crash recovery), the worker
// reconnects and records the answers it got meanwhile, and the batch finishes
// without anyone touching anything.

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch {
      // the database is down for a moment: that is the point
    }
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("npm start recovers from a dead PostgreSQL", () => {
  it("restarts the killed postmaster and the batch finishes, nothing accepted twice without an unanswered attempt", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "lvr-recovery-"));
    dirs.push(dataDir);
    await chmod(dataDir, 0o755);
    const emulatorPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      DEMO_MODE: "false",
      TOP_EMULATOR_PORT: String(emulatorPort),
      TOP_EMULATOR_FAULTS: JSON.stringify({ delay: { probability: 1, minMs: 20, maxMs: 60 } }),
      TOP_MAX_QPS: "300",
      TOP_CONCURRENCY: "8",
      AUDIO_ARCHIVE_CONCURRENCY: "0",
      SUBMISSION_LEASE_MS: "30000",
    };
    delete env.DATABASE_URL;
    delete env.INGEST_TOKEN;
    delete env.TOP_GATEWAY_URL;
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "--services-only"],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    try {
      await until(
        async () => out,
        (o) => o.includes("Press Ctrl+C"),
        90_000,
      );
      const url = /DATABASE_URL (\S+)/.exec(out)![1]!;

      // This test process writes to the product's database, not the suite's.
      process.env.DATABASE_URL = url;
      const { ingestCallRecords } = await import("../lib/call-records/ingest/mutations");
      const { createBatch } = await import("../lib/submissions/mutations");
      const jobId = 9_100_000_000_000_000n;
      const n = 1500;
      for (let i = 0; i < n; i += 500) {
        const items = Array.from({ length: 500 }, (_, k) => ({
          call_record_id: String(8_100_000_000_000_000_000n + BigInt(i + k)),
          robot_call_job_id: jobId.toString(),
          result_status: "ANSWERED",
          start_time: "2026-03-01 09:00:00",
          end_time: "2026-03-01 09:01:00",
          chat_duration: 55,
          name: "张三",
          called_phone_number: "13800001234",
        }));
        expect((await ingestCallRecords(items, { source: "api" })).summary.rejected).toBe(0);
      }
      const { batchId, queued } = await createBatch({
        selection: { type: "job", jobId: jobId.toString() },
        kind: "submit",
        createdBy: "test",
        resendAccepted: false,
        timeZone: "UTC",
      });
      expect(queued).toBe(n);

      const count = async (sql: string) => (await queryRows<{ n: number }>(url, sql))[0]!.n;
      await until(
        () => count(`SELECT count(*)::int AS n FROM submission_attempts WHERE batch_id = ${batchId}`),
        (v) => v >= 200,
        60_000,
      );
      const pid = Number(readFileSync(path.join(dataDir, "db/postgres/postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");

      await until(
        async () => out,
        (o) => o.includes("PostgreSQL is back"),
        60_000,
      );
      const status = await until(
        async () =>
          (
            await queryRows<{ status: string }>(
              url,
              `SELECT status::text FROM submission_batches WHERE id = ${batchId}`,
            )
          )[0]!.status,
        (s) => s === "done",
        90_000,
      );
      expect(status).toBe("done");
      expect(
        await count(
          `SELECT count(*)::int AS n FROM call_records WHERE robot_call_job_id = ${jobId} AND submission_state <> 'accepted'`,
        ),
      ).toBe(0);

      const received = (await (await fetch(`http://127.0.0.1:${emulatorPort}/__emulator/received`)).json()) as {
        apps: Record<string, { entries: { call_record_id: string; robot_call_job_id: string; count: number }[] }>;
      };
      const entries = Object.values(received.apps)
        .flatMap((a) => a.entries)
        .filter((e) => e.robot_call_job_id === jobId.toString());
      expect(entries.length).toBe(n);
      // A record the platform accepted twice must show the unanswered attempt that justified sending it again.
      const twice = entries.filter((e) => e.count > 1).map((e) => e.call_record_id);
      if (twice.length) {
        const explained = await queryRows<{ id: string }>(
          url,
          `
          SELECT r.call_record_id::text AS id FROM call_records r
          WHERE r.call_record_id IN (${twice.join(",")})
            AND EXISTS (SELECT 1 FROM submission_attempts a WHERE a.record_id = r.id AND a.transport_error IS NOT NULL)`,
        );
        expect(explained.map((r) => r.id).sort()).toEqual([...twice].sort());
      }
    } finally {
      const { disconnectPrisma } = await import("../lib/db/client");
      await disconnectPrisma().catch(() => {});
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
  }, 240_000);
});
