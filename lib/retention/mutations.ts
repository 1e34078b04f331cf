import "server-only";
import { recordAudit } from "../audit/mutations";
import type { Env } from "../env";
import { policyFromEnv } from "./policy";
import { startRun } from "./run";
import { zonedDayHour } from "./schedule";

/**
 * An admin's "run now": a manual run with today's policy, started by the
 * worker's next round (within a minute), never in the web process (a first
 * run over years of records takes a while).
 */
export async function requestRetentionRun(
  actor: { id: bigint; email: string },
  env: Pick<
    Env,
    | "DISPLAY_TIME_ZONE"
    | "RETENTION_RECORDINGS_DAYS"
    | "RETENTION_PERSONAL_DATA_DAYS"
    | "RETENTION_ATTEMPT_PARAMS_DAYS"
    | "RETENTION_AUDIT_DAYS"
  >,
  now = new Date(),
): Promise<{ runId: string }> {
  const id = await startRun({
    day: zonedDayHour(now, env.DISPLAY_TIME_ZONE).day,
    kind: "manual",
    policy: policyFromEnv(env),
    now,
    triggeredBy: actor.email,
  });
  await recordAudit({ actor, action: "retention.requested", target: `retention_run:${id}`, details: {} });
  return { runId: String(id) };
}
