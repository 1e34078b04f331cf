/**
 * Who places the demo calls and on whose behalf. All names are invented (no
 * real lender or mediation centre is implied); the court codes follow the real
 * case-number scheme so that case numbers look like the genuine article.
 */

export interface DemoLine {
  /** tenant_phone_number_id, int64 as a decimal string. */
  tenantPhoneNumberId: string;
  /** The caller number the debtor sees. */
  phoneNumber: string;
}

export interface DemoCourt {
  /** The court's code in case numbers, e.g. 京0105 in (2026)京0105民初12345号. */
  code: string;
  name: string;
}

export interface DemoOrganisation {
  key: "jinghe" | "huxin" | "yuean";
  name: string;
  courts: readonly DemoCourt[];
  lines: readonly DemoLine[];
}

const court = (code: string, name: string): DemoCourt => ({ code, name });
const line = (tenantPhoneNumberId: string, phoneNumber: string): DemoLine => ({ tenantPhoneNumberId, phoneNumber });

export const DEMO_ORGANISATIONS: Readonly<Record<DemoOrganisation["key"], DemoOrganisation>> = {
  jinghe: {
    key: "jinghe",
    name: "京和金融纠纷调解中心",
    courts: [
      court("京0105", "北京市朝阳区人民法院"),
      court("京0108", "北京市海淀区人民法院"),
      court("京0106", "北京市丰台区人民法院"),
    ],
    lines: [
      line("1690000000000101", "01060000101"),
      line("1690000000000102", "01060000102"),
      // Above 2^53: line ids are int64 too.
      line("9007199254750103", "01060000103"),
    ],
  },
  huxin: {
    key: "huxin",
    name: "沪信调解中心",
    courts: [court("沪0115", "上海市浦东新区人民法院"), court("沪0104", "上海市徐汇区人民法院")],
    lines: [line("1690000000000201", "02160000201"), line("1690000000000202", "02160000202")],
  },
  yuean: {
    key: "yuean",
    name: "粤安商事调解中心",
    courts: [court("粤0305", "深圳市南山区人民法院"), court("粤0304", "深圳市福田区人民法院")],
    lines: [line("1690000000000301", "075560000301"), line("1690000000000302", "075560000302")],
  },
};

export interface DemoCreditor {
  /** Legal name, as in properties.creditor. */
  name: string;
  /** The consumer-facing product or app the debt was taken on. */
  product: string;
  /** Median debt in CNY. */
  medianDebt: number;
}

export const DEMO_CREDITORS = {
  huaxin: { name: "华信消费金融有限公司", product: "易借", medianDebt: 8000 },
  anhe: { name: "安和小额贷款有限公司", product: "速贷花", medianDebt: 4500 },
  dongyue: { name: "东岳银行股份有限公司信用卡中心", product: "东岳银行信用卡", medianDebt: 26000 },
  jiahe: { name: "嘉禾银行股份有限公司", product: "嘉禾银行个人消费贷", medianDebt: 52000 },
  hengtai: { name: "恒泰融资租赁有限公司", product: "恒泰车贷", medianDebt: 68000 },
  zhongcheng: { name: "众诚消费金融有限公司", product: "优分期", medianDebt: 6500 },
} as const satisfies Record<string, DemoCreditor>;

export type DemoCreditorKey = keyof typeof DEMO_CREDITORS;
