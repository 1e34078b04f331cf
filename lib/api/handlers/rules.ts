import "server-only";
import type { z } from "zod";
import { runActionAs, type ActionPrincipal } from "../../actions/wrapper";
import { getEnv } from "../../env";
import {
  createReportingRule,
  deleteReportingRule,
  dryRunReportingRule,
  updateReportingRule,
} from "../../rules/actions";
import { getRule, listRules, ruleActivity, type Rule } from "../../rules/data";
import { ApiError } from "../errors";
import type { ApiAnswer, ApiRequest } from "../handler";
import type { createRuleBody, patchRuleBody } from "../schemas/rules";
import { unwrap } from "./action-result";

const asPrincipal = (p: ApiRequest<unknown, unknown, unknown>["principal"]): ActionPrincipal => ({
  user: p.user,
  session: null,
  readOnly: p.token.readOnly,
});

async function ruleBody(rule: Rule) {
  const today = await ruleActivity(rule.id, getEnv().DISPLAY_TIME_ZONE);
  return {
    id: rule.id.toString(),
    name: rule.name,
    filter: rule.filter,
    settle_seconds: rule.settleSeconds,
    daily_cap: rule.dailyCap,
    enabled: rule.enabled,
    paused:
      rule.pausedKind && rule.pausedReason && rule.pausedAt
        ? {
            kind: rule.pausedKind as "config" | "rejections",
            reason: rule.pausedReason,
            at: rule.pausedAt.toISOString(),
          }
        : null,
    updated_by: rule.updatedBy,
    updated_at: rule.updatedAt.toISOString(),
    created_at: rule.createdAt.toISOString(),
    today: { queued: today.queuedToday, accepted: today.accepted, failed: today.failed, waiting: today.waiting },
  };
}

async function ruleOr404(id: string) {
  const rule = await getRule(BigInt(id));
  if (!rule) throw new ApiError(404, "not_found", `No reporting rule ${id}.`);
  return rule;
}

export async function listRulesHandler(): Promise<ApiAnswer> {
  const rules = await listRules();
  return { body: { items: await Promise.all(rules.map(ruleBody)) } };
}

export async function getRuleHandler(req: ApiRequest<{ id: string }, unknown, unknown>): Promise<ApiAnswer> {
  return { body: await ruleBody(await ruleOr404(req.params.id)) };
}

export async function createRuleHandler(
  req: ApiRequest<unknown, unknown, z.output<typeof createRuleBody>>,
): Promise<ApiAnswer> {
  const b = req.body;
  const created = unwrap(
    await runActionAs(createReportingRule, asPrincipal(req.principal), {
      name: b.name,
      filter: b.filter,
      settleSeconds: b.settle_seconds,
      dailyCap: b.daily_cap,
      enabled: b.enabled,
    }),
  );
  return { status: 201, body: await ruleBody(await ruleOr404(created.id)) };
}

export async function patchRuleHandler(
  req: ApiRequest<{ id: string }, unknown, z.output<typeof patchRuleBody>>,
): Promise<ApiAnswer> {
  const b = req.body;
  unwrap(
    await runActionAs(updateReportingRule, asPrincipal(req.principal), {
      ruleId: req.params.id,
      patch: {
        name: b.name,
        filter: b.filter,
        settleSeconds: b.settle_seconds,
        dailyCap: b.daily_cap,
        enabled: b.enabled,
      },
    }),
  );
  return { body: await ruleBody(await ruleOr404(req.params.id)) };
}

export async function deleteRuleHandler(req: ApiRequest<{ id: string }, unknown, unknown>): Promise<ApiAnswer> {
  return {
    body: unwrap(await runActionAs(deleteReportingRule, asPrincipal(req.principal), { ruleId: req.params.id })),
  };
}

export async function dryRunRuleHandler(req: ApiRequest<{ id: string }, unknown, unknown>): Promise<ApiAnswer> {
  const rule = await ruleOr404(req.params.id);
  const dry = unwrap(
    await runActionAs(dryRunReportingRule, asPrincipal(req.principal), {
      ruleId: req.params.id,
      filter: rule.filter,
      settleSeconds: rule.settleSeconds,
      dailyCap: rule.dailyCap,
    }),
  );
  return { body: { matching: dry.matching, would_send: dry.wouldSend, held_back: dry.heldBack } };
}
