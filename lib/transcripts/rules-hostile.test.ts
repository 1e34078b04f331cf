import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { prisma } from "../db/client";
import { MAX_PATTERN_LENGTH } from "./safe-pattern";

/**
 * Hostile input to the phrase rules' actions, as an admin sends it past the
 * form: each is refused with a code and a message that names what is wrong,
 * and nothing is written (no rule, no change, no audit entry). The admin is
 * this file's own, so its audit entries are this file's only.
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

const PREFIX = `test-hostile-${process.pid}-`;
const JOB = "987650000000456";
const good = {
  name: `${PREFIX}rule`,
  kind: "prohibited",
  pattern: "上门.{0,4}找你",
  isRegex: true,
  speaker: "callee",
  jobIds: [JOB],
  enabled: true,
};
type RuleInput = Parameters<typeof actions.createPhraseRuleAction>[0];
/** A rule with one field replaced by anything at all, as a hand-made request could send it. */
const hostile = (over: Record<string, unknown>) => ({ ...good, ...over }) as unknown as RuleInput;

let adminId = 0n;
let existing = "";
beforeAll(async () => {
  const admin = await sessionFor("admin");
  adminId = admin.userId;
  token = admin.token;
  const created = await actions.createPhraseRuleAction({ ...good, name: `${PREFIX}existing` } as RuleInput);
  if (!created.ok) throw new Error(created.message);
  existing = created.data.id;
});

afterAll(async () => {
  await prisma.phraseRule.deleteMany({ where: { name: { startsWith: PREFIX } } });
});

/** What the actions could have written: this file's rules (and the existing one's content) and its admin's audit entries. */
const snapshot = async () => ({
  rules: await prisma.phraseRule.findMany({
    where: { name: { startsWith: PREFIX } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      pattern: true,
      isRegex: true,
      speaker: true,
      jobIds: true,
      enabled: true,
    },
  }),
  audit: await prisma.auditEvent.count({ where: { actorId: adminId } }),
});

const CATASTROPHIC = [
  "(a+)+$",
  "(a|aa)*$",
  "(.*a){20}",
  "^(\\w+\\s?)*$",
  "(x+x+)+y",
  "(a|a?)+b",
  "([a-z]+)*@",
  "(a{1,50}){1,50}",
  "a*a*a*a*b",
  "(?:a?){30}a{30}",
  "\\1(a)",
  "(?=a)+",
];

describe("phrase rule actions under hostile input", () => {
  it.each([
    ["an oversized pattern", { pattern: "x".repeat(MAX_PATTERN_LENGTH + 1) }, "pattern"],
    ["an oversized plain pattern", { pattern: "话".repeat(10_000), isRegex: false }, "pattern"],
    ["a blank pattern", { pattern: "   " }, "pattern"],
    ["an oversized name", { name: `${PREFIX}${"n".repeat(200)}` }, "name"],
    ["a blank name", { name: " \t " }, "name"],
    ["a job id with letters", { jobIds: ["12x"] }, "jobIds.0"],
    ["a negative job id", { jobIds: ["-5"] }, "jobIds.0"],
    ["a job id past int64", { jobIds: ["9223372036854775808"] }, "jobIds.0"],
    ["a job id of twenty digits", { jobIds: ["99999999999999999999"] }, "jobIds.0"],
    ["job id zero", { jobIds: ["0"] }, "jobIds.0"],
    ["a numeric job id", { jobIds: [123] }, "jobIds.0"],
    ["job ids as one string", { jobIds: JOB }, "jobIds"],
    ["too many job ids", { jobIds: Array.from({ length: 201 }, (_, i) => String(i + 1)) }, "jobIds"],
    ["a wrong speaker", { speaker: "agent" }, "speaker"],
    ["a speaker of another case", { speaker: "Robot" }, "speaker"],
    ["a wrong kind", { kind: "forbidden" }, "kind"],
    ["a kind as a number", { kind: 1 }, "kind"],
    ["a name as a number", { name: 42 }, "name"],
    ["a pattern as an object", { pattern: { toString: "x" } }, "pattern"],
    ["a pattern as an array", { pattern: ["a", "b"] }, "pattern"],
    ["isRegex as a string", { isRegex: "true" }, "isRegex"],
    ["enabled as a number", { enabled: 1 }, "enabled"],
    ["a missing field", { speaker: undefined }, "speaker"],
    ["a NUL in the pattern", { pattern: "a\u0000b" }, "input"],
  ])("refuses %s as invalid input, naming the field, and writes nothing", async (_what, over, field) => {
    const before = await snapshot();
    const created = await actions.createPhraseRuleAction(hostile(over));
    expect(created).toMatchObject({ ok: false, code: "invalid_input" });
    if (!created.ok) expect(created.message.startsWith(`${field}:`)).toBe(true);
    const updated = await actions.updatePhraseRuleAction({ ruleId: existing, rule: hostile(over) });
    expect(updated).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await snapshot()).toEqual(before);
  });

  it.each(CATASTROPHIC)(
    "refuses the catastrophic regular expression %s with its reason, and writes nothing",
    async (p) => {
      const before = await snapshot();
      const created = await actions.createPhraseRuleAction(hostile({ pattern: p }));
      expect(created).toMatchObject({ ok: false, code: "invalid_pattern" });
      // The reason as a code the page translates, beside the English message.
      if (!created.ok) expect(created.detail?.reason).toEqual(expect.any(String));
      const updated = await actions.updatePhraseRuleAction({ ruleId: existing, rule: hostile({ pattern: p }) });
      expect(updated).toMatchObject({ ok: false, code: "invalid_pattern" });
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each([
    ["letters", "12x"],
    ["past int64", "9223372036854775808"],
    ["negative", "-1"],
    ["empty", ""],
    ["a number", 7],
  ])("refuses a rule id that is %s on update, toggle and delete", async (_what, ruleId) => {
    const before = await snapshot();
    const id = ruleId as unknown as string;
    for (const r of [
      await actions.updatePhraseRuleAction({ ruleId: id, rule: good as RuleInput }),
      await actions.setPhraseRuleEnabledAction({ ruleId: id, enabled: false }),
      await actions.deletePhraseRuleAction({ ruleId: id }),
    ])
      expect(r).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a toggle whose state is not a boolean, and input to the recheck", async () => {
    const before = await snapshot();
    expect(
      await actions.setPhraseRuleEnabledAction({ ruleId: existing, enabled: "false" as unknown as boolean }),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await actions.recheckPhraseRulesAction({ jobId: "1" } as unknown as Record<string, never>)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await snapshot()).toEqual(before);
  });
});
