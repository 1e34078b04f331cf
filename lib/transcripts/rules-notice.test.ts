import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { prisma } from "../db/client";

/**
 * /admin/phrase-rules' "stored transcripts are not rechecked" notice, read
 * from what is stored (the page shows it when this is not null): it appears
 * with a rule change, stays on every later read, and goes once a recheck is
 * queued after the change, also once that recheck finished and its row is gone.
 */

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers(),
}));

const actions = await import("./actions");
const { phraseRulesUncheckedSince } = await import("../compliance/data");

const PREFIX = `test-notice-${process.pid}-`;
// A job no record has: the ingest tests beside this file never meet the rule.
const JOB = "987650000000124";
let adminId = 0n;

beforeAll(async () => {
  // The notice reads the whole database's state: a recheck still waiting covers every change, and the
  // test database has one whenever no earlier test ran the queue down (the migration that added the
  // checks queues one). Nothing works that queue while the tests run, so it is cleared here.
  await prisma.complianceRecheck.deleteMany({ where: { robotCallJobId: null, scope: { in: ["all", "phrases"] } } });
  const a = await sessionFor("admin");
  token = a.token;
  adminId = a.userId;
});

afterAll(async () => {
  await prisma.phraseRule.deleteMany({ where: { name: { startsWith: PREFIX } } });
  // Left queued, a worker would recheck every stored transcript of the test database.
  await prisma.complianceRecheck.deleteMany({ where: { reason: `admin:${adminId}` } });
});

/** The admin's recheck, as the page's button queues it; its row removed as a finished recheck's is. */
async function recheckAndFinish() {
  expect((await actions.recheckPhraseRulesAction({})).ok).toBe(true);
  expect(await phraseRulesUncheckedSince()).toBeNull();
  await prisma.complianceRecheck.deleteMany({ where: { reason: `admin:${adminId}` } });
}

describe("the phrase rules' recheck notice", () => {
  it("shows from a rule change until a recheck is queued after it, and survives reads", async () => {
    const created = await actions.createPhraseRuleAction({
      name: `${PREFIX}rule`,
      kind: "prohibited",
      pattern: "上门找你",
      isRegex: false,
      speaker: "callee",
      jobIds: [JOB],
      enabled: true,
    });
    if (!created.ok) throw new Error(created.message);
    const since = await phraseRulesUncheckedSince();
    expect(since).toBeInstanceOf(Date);
    // Read again (a reload, another admin's visit): still there, the same change.
    expect(await phraseRulesUncheckedSince()).toEqual(since);

    await recheckAndFinish();
    // Finished and gone from the queue: the change stays covered.
    expect(await phraseRulesUncheckedSince()).toBeNull();

    // Disabling is a change, as is deleting: the notice comes back each time.
    expect((await actions.setPhraseRuleEnabledAction({ ruleId: created.data.id, enabled: false })).ok).toBe(true);
    expect(await phraseRulesUncheckedSince()).not.toBeNull();
    await recheckAndFinish();
    expect((await actions.deletePhraseRuleAction({ ruleId: created.data.id })).ok).toBe(true);
    expect(await phraseRulesUncheckedSince()).not.toBeNull();

    // A recheck under way since before the change ran part of the records with the older rules: not covered.
    const started = await prisma.complianceRecheck.create({
      data: {
        robotCallJobId: null,
        reason: `admin:${adminId}`,
        scope: "phrases",
        afterId: 1n,
        createdAt: new Date(Date.now() - 60_000),
      },
    });
    expect(await phraseRulesUncheckedSince()).not.toBeNull();
    // One waiting that has not started reads the rules when it runs: covered, though queued before.
    await prisma.complianceRecheck.update({ where: { id: started.id }, data: { afterId: 0n } });
    expect(await phraseRulesUncheckedSince()).toBeNull();
  });
});
