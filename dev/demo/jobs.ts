import { DEMO_INTENT_GROUPS, type DemoIntentGroupKey } from "./intents";
import {
  DEMO_CREDITORS,
  DEMO_ORGANISATIONS,
  type DemoCourt,
  type DemoCreditor,
  type DemoCreditorKey,
  type DemoLine,
  type DemoOrganisation,
} from "./organisations";
import { mixSeed, mulberry32, pick, randInt } from "./prng";
import { DAY_MS, formatGmt8, gmt8DayNumber, gmt8DayStart, gmt8Month } from "./wire-time";

/** A robot call job of the demo: what a tenant set up on the robot platform. */
export interface DemoJob {
  /** robot_call_job_id, int64 as a decimal string. */
  id: string;
  name: string;
  group: DemoIntentGroupKey;
  /** intent_level_tag_id of the job's intent tag group. */
  tagId: string;
  creditor: DemoCreditor;
  organisation: Pick<DemoOrganisation, "key" | "name">;
  court: DemoCourt;
  lines: readonly DemoLine[];
  /** First and last GMT+8 calendar day the job places calls, `yyyy-MM-dd`. */
  firstDate: string;
  lastDate: string;
  /** The same days as GMT+8 day numbers (days since the epoch), for the generator. */
  firstDay: number;
  lastDay: number;
  /** Relative call volume per active hour. */
  weight: number;
  /** Multiplies the ANSWERED share: some debtor lists are fresher than others. */
  answerFactor: number;
}

export interface DemoJobsOptions {
  seed: number;
  now: Date;
  /** How many jobs; 20 by default. */
  jobs?: number;
}

export const DEMO_WINDOW_DAYS = 30;
export const DEFAULT_DEMO_JOBS = 20;

interface JobTemplate {
  group: DemoIntentGroupKey;
  creditor: DemoCreditorKey;
  org: DemoOrganisation["key"];
  name: (month: number, batch: number) => string;
  weight: number;
  /** Runs over the whole window, so that every working hour has some calls. */
  ongoing?: boolean;
}

const TEMPLATES: readonly JobTemplate[] = [
  {
    group: "debt",
    creditor: "huaxin",
    org: "jinghe",
    weight: 3,
    ongoing: true,
    name: (m, b) => `易借 M1逾期还款提醒 ${m}月第${b}批`,
  },
  {
    group: "debt",
    creditor: "anhe",
    org: "jinghe",
    weight: 2.5,
    ongoing: true,
    name: (m, b) => `速贷花 逾期31-60天智能催告 ${m}月第${b}批`,
  },
  {
    group: "mediation",
    creditor: "dongyue",
    org: "huxin",
    weight: 2,
    ongoing: true,
    name: (_m, b) => `东岳银行信用卡欠款 诉前调解通知 第${b}批`,
  },
  { group: "debt", creditor: "zhongcheng", org: "yuean", weight: 1.5, name: (m) => `优分期 首逾客户关怀提醒 ${m}月` },
  {
    group: "debt",
    creditor: "dongyue",
    org: "huxin",
    weight: 2,
    name: (_m, b) => `东岳银行信用卡 M2逾期提醒 第${b}批`,
  },
  { group: "repayment", creditor: "huaxin", org: "jinghe", weight: 1, name: (m) => `易借 还款确认回访 ${m}月` },
  { group: "debt", creditor: "jiahe", org: "jinghe", weight: 1.2, name: (m) => `嘉禾银行 个人消费贷逾期提醒 ${m}月` },
  {
    group: "mediation",
    creditor: "huaxin",
    org: "jinghe",
    weight: 1.5,
    name: (m) => `华信消费金融 金融借款纠纷调解邀约 ${m}月`,
  },
  {
    group: "litigation",
    creditor: "dongyue",
    org: "huxin",
    weight: 0.8,
    name: (_m, b) => `东岳银行 起诉立案告知 第${b}批`,
  },
  { group: "debt", creditor: "hengtai", org: "yuean", weight: 0.8, name: (_m, b) => `恒泰车贷 逾期还款提醒 第${b}批` },
  {
    group: "mediation",
    creditor: "jiahe",
    org: "jinghe",
    weight: 1,
    name: (_m, b) => `嘉禾银行 消费贷纠纷诉前调解通知 第${b}批`,
  },
  { group: "debt", creditor: "huaxin", org: "jinghe", weight: 1.5, name: (_m, b) => `易借 M2+逾期协商还款 第${b}批` },
  {
    group: "repayment",
    creditor: "dongyue",
    org: "huxin",
    weight: 0.8,
    name: (_m, b) => `东岳银行信用卡 分期还款回访 第${b}批`,
  },
  { group: "litigation", creditor: "anhe", org: "jinghe", weight: 0.6, name: () => `安和小贷 诉讼前最后提醒` },
  { group: "debt", creditor: "anhe", org: "jinghe", weight: 1, name: () => `速贷花 大额逾期专项提醒` },
  { group: "mediation", creditor: "hengtai", org: "yuean", weight: 0.7, name: () => `恒泰融资租赁 合同纠纷调解通知` },
  {
    group: "debt",
    creditor: "zhongcheng",
    org: "yuean",
    weight: 1.2,
    name: (m, b) => `优分期 M1逾期还款提醒 ${m}月第${b}批`,
  },
  {
    group: "mediation",
    creditor: "zhongcheng",
    org: "yuean",
    weight: 0.9,
    name: (m, b) => `众诚消费金融 批量调解通知 ${m}月第${b}批`,
  },
  { group: "litigation", creditor: "huaxin", org: "jinghe", weight: 0.6, name: (m) => `华信消费金融 立案告知 ${m}月` },
  { group: "repayment", creditor: "anhe", org: "jinghe", weight: 0.6, name: () => `速贷花 结清确认回访` },
];

// 9007199254741000 > 2^53 = 9007199254740992.
const BIG_JOB_ID_BASE = 9007199254741000n;

/**
 * The demo's jobs. Half of them get ids just above 2^53 (9007199254741xxx) so
 * that every int64 path of the console meets ids a JS number cannot hold.
 */
export function generateDemoJobs(opts: DemoJobsOptions): DemoJob[] {
  const count = opts.jobs ?? DEFAULT_DEMO_JOBS;
  if (!Number.isInteger(count) || count < 1) throw new Error(`jobs must be a positive integer, got ${count}`);
  const rng = mulberry32(mixSeed(opts.seed, 1));
  const nowMs = opts.now.getTime();
  const lastDay = gmt8DayNumber(nowMs);
  const firstDay = gmt8DayNumber(nowMs - DEMO_WINDOW_DAYS * DAY_MS);
  const usedIds = new Set<bigint>();
  const jobs: DemoJob[] = [];

  for (let i = 0; i < count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length] as JobTemplate;
    const round = Math.floor(i / TEMPLATES.length); // past 20 jobs the templates repeat as later batches

    let from = firstDay;
    let to = lastDay;
    if (!t.ongoing) {
      const span = randInt(rng, 4, 16);
      from = randInt(rng, firstDay, Math.max(firstDay, lastDay - span + 1));
      to = Math.min(lastDay, from + span - 1);
    }

    let id: bigint;
    do {
      id =
        i % 2 === 0
          ? BIG_JOB_ID_BASE + BigInt(randInt(rng, 0, 999))
          : BigInt(randInt(rng, 3_100_000_000, 3_999_999_999));
    } while (usedIds.has(id));
    usedIds.add(id);

    const org = DEMO_ORGANISATIONS[t.org];
    jobs.push({
      id: id.toString(),
      name: t.name(gmt8Month(gmt8DayStart(from)), randInt(rng, 1, 6) + round * 6),
      group: t.group,
      tagId: DEMO_INTENT_GROUPS[t.group].tagId,
      creditor: DEMO_CREDITORS[t.creditor],
      organisation: { key: org.key, name: org.name },
      court: pick(rng, org.courts),
      lines: org.lines,
      firstDate: formatGmt8(gmt8DayStart(from)).slice(0, 10),
      lastDate: formatGmt8(gmt8DayStart(to)).slice(0, 10),
      firstDay: from,
      lastDay: to,
      weight: t.weight,
      answerFactor: 0.85 + rng() * 0.3,
    });
  }
  return jobs;
}
