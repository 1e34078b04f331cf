import "server-only";
import { raiseAlert } from "../alerts/raise";
import { recordAudit } from "../audit/mutations";

/**
 * The one place a rule's pause is announced: the audit trail and the alert
 * channels subscribed to `rule.paused`, whichever way it was paused — by a
 * configuration error of TOP, or by its own rejection breaker. raiseAlert never throws.
 */

export interface PausedRule {
  id: bigint;
  name: string;
  updatedBy: string;
}

export async function onRulePaused(rule: PausedRule, reason: string): Promise<void> {
  await recordAudit({
    actor: null,
    action: "rule.paused",
    target: `rule:${rule.id}`,
    // The worker serves no request: no client address to look up.
    details: { address: null, name: rule.name, reason, owner: rule.updatedBy },
  });
  await raiseAlert("rule.paused", {
    title: `Reporting rule “${rule.name}” paused`,
    text: `${reason}. It sends nothing until someone fixes the cause and switches it on again.`,
    link: `/rules/${rule.id}`,
    facts: { rule: rule.name, owner: rule.updatedBy },
  });
}
