/**
 * The demo's intent tag groups. On the wire an intent is (intent_level_tag_id,
 * intent_level_code) plus a display name, and a code means something only
 * inside its group: code 1 is 有还款意愿 in one group and 同意调解 in another,
 * which is exactly what the console must keep apart.
 */

export type DemoIntentGroupKey = "debt" | "mediation" | "litigation" | "repayment";

export interface DemoIntentLevel {
  code: number;
  name: string;
  /** Relative share among the group's ANSWERED calls. */
  weight: number;
  /** Median talk time in seconds: a promise to pay takes longer than a hang-up. */
  talkMedianSeconds: number;
}

export interface DemoIntentGroup {
  key: DemoIntentGroupKey;
  /** int64 tag id as a decimal string; one is above 2^53 on purpose. */
  tagId: string;
  name: string;
  /** The answered levels. */
  levels: readonly DemoIntentLevel[];
  /** The level some vendors put on calls that never connected. */
  notConnected: { code: number; name: string };
}

const NOT_CONNECTED = { code: 0, name: "未接通" } as const;

export const DEMO_INTENT_GROUPS: Readonly<Record<DemoIntentGroupKey, DemoIntentGroup>> = {
  debt: {
    key: "debt",
    tagId: "730001",
    name: "个贷逾期提醒意向",
    levels: [
      { code: 1, name: "有还款意愿", weight: 20, talkMedianSeconds: 55 },
      { code: 2, name: "承诺还款", weight: 18, talkMedianSeconds: 70 },
      { code: 3, name: "协商分期", weight: 14, talkMedianSeconds: 110 },
      { code: 4, name: "拒绝还款", weight: 12, talkMedianSeconds: 40 },
      { code: 5, name: "否认欠款", weight: 8, talkMedianSeconds: 50 },
      { code: 6, name: "无法判断", weight: 28, talkMedianSeconds: 25 },
    ],
    notConnected: NOT_CONNECTED,
  },
  mediation: {
    key: "mediation",
    tagId: "730002",
    name: "诉前调解通知意向",
    levels: [
      { code: 1, name: "同意调解", weight: 30, talkMedianSeconds: 80 },
      { code: 2, name: "拒绝调解", weight: 16, talkMedianSeconds: 45 },
      { code: 3, name: "需要考虑", weight: 26, talkMedianSeconds: 60 },
      { code: 4, name: "已委托律师", weight: 6, talkMedianSeconds: 50 },
      { code: 5, name: "非本人", weight: 22, talkMedianSeconds: 20 },
    ],
    notConnected: NOT_CONNECTED,
  },
  litigation: {
    key: "litigation",
    // Above Number.MAX_SAFE_INTEGER: exercises the int64 path of tag ids.
    tagId: "9007199254742003",
    name: "立案告知意向",
    levels: [
      { code: 1, name: "已知悉", weight: 40, talkMedianSeconds: 35 },
      { code: 2, name: "申请和解", weight: 18, talkMedianSeconds: 95 },
      { code: 3, name: "对金额有异议", weight: 12, talkMedianSeconds: 120 },
      { code: 4, name: "拒绝沟通", weight: 16, talkMedianSeconds: 20 },
      { code: 5, name: "非本人", weight: 14, talkMedianSeconds: 20 },
    ],
    notConnected: NOT_CONNECTED,
  },
  repayment: {
    key: "repayment",
    tagId: "730004",
    name: "还款确认回访",
    levels: [
      { code: 1, name: "已还款", weight: 38, talkMedianSeconds: 30 },
      { code: 2, name: "部分还款", weight: 20, talkMedianSeconds: 60 },
      { code: 3, name: "承诺近期还款", weight: 24, talkMedianSeconds: 55 },
      { code: 4, name: "未还款", weight: 18, talkMedianSeconds: 40 },
    ],
    notConnected: NOT_CONNECTED,
  },
};

export const DEMO_INTENT_GROUP_KEYS = Object.keys(DEMO_INTENT_GROUPS) as DemoIntentGroupKey[];

/** Every (tag id, code) → name the demo can emit, for tests and the UI's legend. */
export function demoIntentName(tagId: string, code: number): string | undefined {
  for (const group of Object.values(DEMO_INTENT_GROUPS)) {
    if (group.tagId !== tagId) continue;
    if (code === group.notConnected.code) return group.notConnected.name;
    return group.levels.find((l) => l.code === code)?.name;
  }
  return undefined;
}
