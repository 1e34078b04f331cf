/**
 * Seeds the end-to-end run's database the way the console's users would: by
 * running one of its server actions as a demo account, with the action's own
 * validation, authorization and writes (session-less, as the REST API runs
 * them). So a spec's fixture is a state the product can reach, never rows
 * written around it. e2e/support/seed.ts runs this file; it prints the
 * action's answer as JSON on its last line of output, or its refusal on
 * stderr with exit status 1.
 *
 *   TSX_TSCONFIG_PATH=dev/testing/tsconfig.e2e-seed.json tsx dev/testing/e2e-seed.ts <action> <email> <input JSON>
 */
import { runActionAs, type ActionResult } from "../../lib/actions/wrapper";
import { createAlertChannel, deleteAlertChannel } from "../../lib/alerts/actions";
import { prisma } from "../../lib/db/client";
import { addReviewComment, submitReviewVerdict } from "../../lib/review/actions";
import { createScorecardAction } from "../../lib/scorecards/actions";
import { createPhraseRuleAction, recheckPhraseRulesAction } from "../../lib/transcripts/actions";
import { createUser } from "../../lib/users/actions";
import { stringifyJson } from "../../lib/call-records/json-bigint";

// What specs seed; another action joins here when a spec needs it.
const ACTIONS: Record<string, (raw: never) => Promise<ActionResult<unknown>>> = {
  "alerts.create": createAlertChannel,
  "alerts.delete": deleteAlertChannel,
  "scorecards.create": createScorecardAction,
  "phraseRules.create": createPhraseRuleAction,
  "phraseRules.recheck": recheckPhraseRulesAction,
  "review.submitVerdict": submitReviewVerdict,
  "review.addComment": addReviewComment,
  "users.create": createUser,
};

async function main(): Promise<number> {
  const [name, email, input] = process.argv.slice(2);
  const action = name === undefined ? undefined : ACTIONS[name];
  if (!action || !email || input === undefined) {
    process.stderr.write(`usage: e2e-seed <${Object.keys(ACTIONS).join("|")}> <email> <input JSON>\n`);
    return 2;
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true },
  });
  if (!user) {
    process.stderr.write(`no user ${email}\n`);
    return 1;
  }
  const result = await runActionAs(
    action as (raw: unknown) => Promise<ActionResult<unknown>>,
    { user, session: null },
    JSON.parse(input),
  );
  if (!result.ok) {
    process.stderr.write(`${name} refused: ${result.code}: ${result.message}\n`);
    return 1;
  }
  process.stdout.write(`${stringifyJson(result.data)}\n`);
  return 0;
}

main().then(
  async (code) => {
    await prisma.$disconnect();
    process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
