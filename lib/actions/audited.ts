import "server-only";
import { auditBy } from "../audit/mutations";

/**
 * How an action that changed something ends: its entry in the audit trail,
 * written as `actor`, then `answer` for the caller.
 */
export async function audited<T>(
  answer: T,
  actor: { id: bigint | null; email: string | null },
  action: string,
  target: string,
  details?: Record<string, unknown>,
): Promise<T> {
  await auditBy(actor, action, target, details);
  return answer;
}
