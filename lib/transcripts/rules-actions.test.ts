import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { prisma } from "../db/client";

/**
 * The phrase rules' actions on the real database, as an admin and as a
 * supervisor calls them. Every rule here applies to a job no record has, so
 * the ingest tests running beside this file never meet them.
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
const { listPhraseRules } = await import("./data");

const PREFIX = `test-phrase-${process.pid}-`;
const JOB = "987650000000123";
const rule = (over: Partial<Parameters<typeof actions.createPhraseRuleAction>[0]> = {}) => ({
  name: `${PREFIX}notice`,
  kind: "required" as const,
  pattern: "本次通话将被录音",
  isRegex: false,
  speaker: "robot" as const,
  jobIds: [JOB],
  enabled: true,
  ...over,
});

let admin = "";
let adminId = 0n;
let supervisor = "";
beforeAll(async () => {
  const a = await sessionFor("admin");
  admin = a.token;
  adminId = a.userId;
  supervisor = (await sessionFor("supervisor")).token;
  token = admin;
});

afterAll(async () => {
  await prisma.phraseRule.deleteMany({ where: { name: { startsWith: PREFIX } } });
});

describe("phrase rule actions", () => {
  it("create, update, disable and delete, each audited", async () => {
    token = admin;
    const created = await actions.createPhraseRuleAction(rule({ jobIds: [JOB, JOB] }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.data.id;
    const stored = (await listPhraseRules()).find((r) => r.id.toString() === id);
    expect(stored).toMatchObject({ kind: "required", speaker: "robot", enabled: true, jobIds: [BigInt(JOB)] });

    const updated = await actions.updatePhraseRuleAction({
      ruleId: id,
      rule: rule({ kind: "prohibited", pattern: "上门.{0,4}找你", isRegex: true, speaker: "any" }),
    });
    expect(updated.ok).toBe(true);
    expect(await prisma.phraseRule.findUniqueOrThrow({ where: { id: BigInt(id) } })).toMatchObject({
      kind: "prohibited",
      isRegex: true,
      speaker: "any",
    });

    expect((await actions.setPhraseRuleEnabledAction({ ruleId: id, enabled: false })).ok).toBe(true);
    expect((await prisma.phraseRule.findUniqueOrThrow({ where: { id: BigInt(id) } })).enabled).toBe(false);

    expect((await actions.deletePhraseRuleAction({ ruleId: id })).ok).toBe(true);
    expect(await prisma.phraseRule.findUnique({ where: { id: BigInt(id) } })).toBeNull();
    expect(await actions.deletePhraseRuleAction({ ruleId: id })).toMatchObject({ ok: false, code: "not_found" });

    const audit = await prisma.auditEvent.findMany({
      where: { target: `phrase_rule:${id}` },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "phrase_rule.create",
      "phrase_rule.update",
      "phrase_rule.disable",
      "phrase_rule.delete",
    ]);
  });

  it("refuses an invalid or unsafe regular expression, and keeps nothing", async () => {
    token = admin;
    for (const pattern of ["(unclosed", "(a+)+$"]) {
      const r = await actions.createPhraseRuleAction(rule({ name: `${PREFIX}bad`, pattern, isRegex: true }));
      expect(r).toMatchObject({ ok: false, code: "invalid_pattern" });
    }
    // The same text as plain text is fine: it is never compiled.
    expect((await actions.createPhraseRuleAction(rule({ name: `${PREFIX}plain`, pattern: "(a+)+$" }))).ok).toBe(true);
    expect(await prisma.phraseRule.count({ where: { name: `${PREFIX}bad` } })).toBe(0);
  });

  it("queues one recheck of stored transcripts for an admin, audited; not for a supervisor", async () => {
    token = admin;
    // A recheck waiting from elsewhere would make this one a no-op: the test's own is the one it queues.
    const waiting = () =>
      prisma.complianceRecheck.findMany({
        where: { robotCallJobId: null, scope: { in: ["all", "phrases"] }, afterId: 0 },
        select: { id: true, scope: true, reason: true },
      });
    const before = await waiting();
    const first = await actions.recheckPhraseRulesAction({});
    expect(first).toMatchObject({ ok: true, data: { queued: before.length === 0 } });
    const queued = await waiting();
    try {
      expect(queued.length).toBe(1);
      // Not started yet: a second request adds nothing, it will read the rules as they are then.
      expect(await actions.recheckPhraseRulesAction({})).toMatchObject({ ok: true, data: { queued: false } });
      expect(await waiting()).toEqual(queued);
      token = supervisor;
      expect(await actions.recheckPhraseRulesAction({})).toMatchObject({ ok: false, code: "forbidden" });
    } finally {
      // Left queued, a worker would recheck every stored transcript of the test database.
      if (before.length === 0)
        await prisma.complianceRecheck.deleteMany({ where: { id: { in: queued.map((q) => q.id) } } });
    }
    if (before.length === 0) expect(queued[0]).toMatchObject({ scope: "phrases" });
    expect(await prisma.auditEvent.count({ where: { action: "phrase_rule.recheck", actorId: adminId } })).toBe(2);
  });

  it("gives an unsafe pattern's reason as a code with its numbers", async () => {
    token = admin;
    expect(
      await actions.createPhraseRuleAction(rule({ name: `${PREFIX}bad`, pattern: "a{0,500}", isRegex: true })),
    ).toMatchObject({ ok: false, code: "invalid_pattern", detail: { reason: "repeat_too_large", max: 50 } });
  });

  it("refuses bad input and non-admins", async () => {
    token = admin;
    expect(await actions.createPhraseRuleAction(rule({ jobIds: ["12x"] }))).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    token = supervisor;
    expect(await actions.createPhraseRuleAction(rule())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await prisma.phraseRule.count({ where: { name: `${PREFIX}notice` } })).toBe(0);
  });
});
