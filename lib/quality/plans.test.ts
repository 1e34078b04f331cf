import { randomInt } from "node:crypto";
import { expect, it } from "vitest";
import { Prisma, prisma } from "../db/client";
import { jobScoreSummarySql, scoredReviews } from "./data";

/**
 * The quality queries among many unscored calls and reviews: the scored
 * reviews of a range are read through reviews_scored_created_at_idx, and a
 * job's scores through call_records_review_score_idx, never by walking every
 * review or every record of the job. In one transaction that is rolled back
 * (the statistics too), so other test files never see the rows.
 */

class Rollback extends Error {}

// Test ids of this file: 7857…, a job of its own.
const BASE = 78_570_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
const JOB = BASE + 999n;
const ROWS = 60_000;

it("reads scored reviews and a job's scores through their partial indexes", { timeout: 180_000 }, async () => {
  const plans: Record<string, string> = {};
  await prisma
    .$transaction(
      async (tx) => {
        const [user] = await tx.$queryRaw<{ id: bigint }[]>`
          INSERT INTO users (email, name, role, password_hash) VALUES (${`plans-${BASE}@scores.test`}, 'Plans', 'reviewer', 'x') RETURNING id`;
        await tx.$executeRaw`
          INSERT INTO call_records (call_record_id, robot_call_job_id, source, content_hash, review_score, review_critical_failed)
          SELECT ${BASE}::bigint + g, ${JOB}::bigint, 'seed', repeat('0', 64),
                 CASE WHEN g % 2000 = 0 THEN (g % 101)::float8 END, CASE WHEN g % 2000 = 0 THEN g % 4000 = 0 END
          FROM generate_series(1, ${ROWS}) g`;
        // One review per record over the last year: only the ones of scored records carry a score.
        await tx.$executeRaw`
          INSERT INTO reviews (record_id, reviewer_id, verdict, reasons, score, critical_failed, created_at)
          SELECT c.id, ${user!.id}, 'passed', '{}', c.review_score, c.review_critical_failed,
                 now() - (c.call_record_id % 365) * interval '1 day'
          FROM call_records c WHERE c.robot_call_job_id = ${JOB}`;
        await tx.$executeRaw`ANALYZE call_records`;
        await tx.$executeRaw`ANALYZE reviews`;
        const explain = async (sql: Prisma.Sql) =>
          (await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`))
            .map((r) => r["QUERY PLAN"])
            .join("\n");
        const range = { from: "2026-01-01", to: "2026-12-31", job: [] };
        plans.range = await explain(Prisma.sql`SELECT count(*) FROM ${scoredReviews(range, "Asia/Shanghai")}`);
        plans.job = await explain(jobScoreSummarySql(JOB));
        throw new Rollback();
      },
      { timeout: 170_000 },
    )
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  expect(plans.range, plans.range).toContain("reviews_scored_created_at_idx");
  expect(plans.job, plans.job).toContain("call_records_review_score_idx");
});
