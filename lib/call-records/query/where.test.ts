import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { zonedDayStart, addDays } from "../../time/zoned";
import { countMatching } from "./count";
import { listCallRecords } from "./data";
import { facetCounts } from "./facets";
import { parseCallFilters, type CallFilters } from "./filters";
import { callFiltersWhere } from "./where";

/**
 * Every /calls filter, alone and in pairs, against a plain TypeScript reading
 * of the same URL on a job of its own: the list (walked page by page), the
 * total and the facets must all agree with it.
 */

const JOB = 880_000_000_000_000_777n;
const OTHER_JOB = 880_000_000_000_000_778n;
const BASE = 7_800_000_000_000n;
const ZONE = "Asia/Shanghai";
const STATUSES = ["ANSWERED", "BUSY", "NO_ANSWER", null] as const;
const SUBMISSIONS = ["not_submitted", "accepted", "rejected", "failed"] as const;
const REVIEWS = ["unreviewed", "passed", "flagged"] as const;

interface Spec {
  id: bigint;
  job: bigint;
  status: string | null;
  tag: bigint | null;
  code: number | null;
  submission: string;
  review: string;
  start: Date | null;
  duration: number | null;
  audio: boolean;
  name: string | null;
  phone: string;
}

const SPECS: Spec[] = Array.from({ length: 72 }, (_, i) => ({
  id: BASE + BigInt(i),
  job: i % 9 === 0 ? OTHER_JOB : JOB,
  status: STATUSES[i % 4]!,
  tag: i % 5 === 0 ? null : i % 2 ? 31n : 32n,
  code: i % 5 === 0 ? null : i % 3,
  submission: SUBMISSIONS[i % 4]!,
  review: REVIEWS[i % 3]!,
  // Three days around midnight in Shanghai, ties every fourth record, some without a start.
  start: i % 11 === 0 ? null : new Date(Date.UTC(2026, 5, 1, 14, 0) + Math.floor(i / 4) * 37 * 60_000),
  duration: i % 7 === 0 ? null : (i * 13) % 90,
  audio: i % 3 !== 1,
  name: i % 6 === 0 ? null : ["王小明", "李四", "张伟"][i % 3]!,
  phone: `1390000${String(i).padStart(4, "0")}`,
}));

beforeAll(async () => {
  await prisma.callRecord.createMany({
    data: SPECS.map((s) => ({
      callRecordId: s.id,
      robotCallJobId: s.job,
      resultStatus: s.status,
      intentLevelTagId: s.tag,
      intentLevelCode: s.code,
      submissionState: s.submission as never,
      reviewState: s.review as never,
      startTime: s.start,
      chatDuration: s.duration,
      fullAudioUrl: s.audio ? "https://example.com/a.mp3" : null,
      name: s.name,
      calledPhoneNumber: s.phone,
      source: "seed" as const,
      contentHash: "0".repeat(64),
    })),
  });
});

const bound = (v: string, end: boolean) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) ? zonedDayStart(end ? addDays(v, 1) : v, ZONE) : new Date(v);

/** The filters read the way the README describes them. */
function oracle(f: CallFilters): Spec[] {
  const rows = SPECS.filter((s) => {
    if (f.job.length && !f.job.includes(s.job)) return false;
    if (f.status.length && (s.status === null || !f.status.includes(s.status))) return false;
    if (f.intent.length && !f.intent.some((i) => i.tagId === s.tag && i.code === s.code)) return false;
    if (f.submission.length && !(f.submission as string[]).includes(s.submission)) return false;
    if (f.review.length && !(f.review as string[]).includes(s.review)) return false;
    if (f.from && !(s.start && s.start >= bound(f.from, false))) return false;
    if (f.to && !(s.start && s.start < bound(f.to, true))) return false;
    if (f.minDuration !== undefined && !(s.duration !== null && s.duration >= f.minDuration)) return false;
    if (f.maxDuration !== undefined && !(s.duration !== null && s.duration <= f.maxDuration)) return false;
    if (f.audio !== undefined && s.audio !== f.audio) return false;
    if (
      f.q &&
      !((s.name ?? "").toLowerCase().includes(f.q.toLowerCase()) || s.phone.includes(f.q) || s.id.toString() === f.q)
    )
      return false;
    return true;
  });
  const desc = f.sort.startsWith("-");
  const key = (s: Spec) => (f.sort.endsWith("start_time") ? (s.start?.getTime() ?? null) : s.duration);
  // PostgreSQL's order: NULL is larger than every value; ties broken by id (insertion order here).
  const cmp = (a: Spec, b: Spec) => {
    const [x, y] = [key(a), key(b)];
    const byKey = x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y;
    return byKey || (a.id < b.id ? -1 : 1);
  };
  rows.sort(cmp);
  return desc ? rows.reverse() : rows;
}

async function walk(f: CallFilters): Promise<bigint[]> {
  const seen: bigint[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listCallRecords({ ...f, size: 25, cursor }, ZONE);
    seen.push(...page.rows.map((r) => r.call_record_id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

// Each filter of the URL contract with a value that selects some records but not all.
const SINGLE = [
  `status=BUSY&status=NO_ANSWER`,
  `intent=31:1&intent=32:0`,
  `submission=rejected&submission=failed`,
  `review=flagged`,
  `from=2026-06-02`,
  `to=2026-06-02`,
  `from=2026-06-01T15:00:00Z&to=2026-06-02T03:00:00Z`,
  `minDuration=30`,
  `maxDuration=60`,
  `audio=true`,
  `audio=false`,
  `q=王小`,
  `q=0012`,
  `sort=chat_duration`,
  `sort=-chat_duration`,
  `sort=start_time`,
];
const CASES = [
  "",
  ...SINGLE,
  ...SINGLE.flatMap((a, i) =>
    SINGLE.slice(i + 1)
      .filter((b) => a.split("=")[0] !== b.split("=")[0])
      .map((b) => `${a}&${b}`),
  ),
];

describe("every filter and pair of filters", () => {
  it("lists, counts and pages exactly the records the URL describes", async () => {
    for (const query of CASES) {
      for (const jobs of [`job=${JOB}`, `job=${JOB}&job=${OTHER_JOB}`]) {
        const { filters, errors } = parseCallFilters(new URLSearchParams(`${jobs}&${query}`));
        expect(errors, query).toEqual([]);
        const expected = oracle(filters).map((s) => s.id);
        expect(await walk(filters), `${jobs}&${query}`).toEqual(expected);
        expect(await countMatching(filters, ZONE), query).toEqual({ value: expected.length, exact: true });
      }
    }
  }, 180_000);

  it("counts facets under every other filter but their own", async () => {
    for (const query of CASES.filter((q) => !q.startsWith("sort"))) {
      const { filters } = parseCallFilters(new URLSearchParams(`job=${JOB}&job=${OTHER_JOB}&${query}`));
      const facets = await facetCounts(filters, ZONE);
      const tally = (rows: Spec[], pick: (s: Spec) => string | null) => {
        const m = new Map<string, number>();
        for (const r of rows) {
          const k = pick(r);
          if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
        }
        return Object.fromEntries([...m].sort());
      };
      const without = (key: keyof CallFilters) => oracle({ ...filters, [key]: [] });
      const asMap = (list: { value: string; count: number }[]) =>
        Object.fromEntries(list.map((x) => [x.value, x.count]).sort());
      expect(asMap(facets.status), query).toEqual(tally(without("status"), (s) => s.status));
      expect(asMap(facets.submission), query).toEqual(tally(without("submission"), (s) => s.submission));
      expect(asMap(facets.review), query).toEqual(tally(without("review"), (s) => s.review));
      expect(Object.fromEntries(facets.intent.map((i) => [`${i.tagId}:${i.code}`, i.count]).sort()), query).toEqual(
        tally(without("intent"), (s) => (s.tag === null || s.code === null ? null : `${s.tag}:${s.code}`)),
      );
      expect(facets.exact).toBe(true);
    }
  }, 180_000);
});

describe("free text", () => {
  const text = (q: string) => callFiltersWhere(parseCallFilters(new URLSearchParams({ q })).filters, ZONE).text;
  it("compares names without case only when the text has cased letters", () => {
    expect(text("王小")).toContain("name LIKE");
    expect(text("0012")).toContain("name LIKE");
    expect(text("Wang")).toContain("name ILIKE");
    expect(text("王W")).toContain("name ILIKE");
    expect(text("王ǅ")).toContain("name ILIKE");
  });
});
