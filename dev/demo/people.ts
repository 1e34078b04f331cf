import { digits, pick, pickWeighted, type Rng } from "./prng";

/**
 * Debtor names and phone numbers. Names are drawn from the commonest Chinese
 * surnames (weighted roughly by their share of the population) and from
 * characters common in given names. Mobile numbers keep real carrier prefixes
 * but always carry 0000 in the middle four digits, a pattern that marks them as
 * made up; the console masks that part on screen anyway.
 */

// Percent of the population, rounded (2020 census order).
const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 7.1], ["李", 7.0], ["张", 6.7], ["刘", 5.4], ["陈", 4.5], ["杨", 3.1], ["黄", 2.2], ["赵", 2.0],
  ["吴", 1.9], ["周", 1.9], ["徐", 1.5], ["孙", 1.5], ["马", 1.5], ["朱", 1.3], ["胡", 1.3], ["郭", 1.2],
  ["何", 1.2], ["林", 1.1], ["高", 1.1], ["罗", 1.0], ["郑", 0.9], ["梁", 0.9], ["谢", 0.8], ["宋", 0.7],
  ["唐", 0.7], ["许", 0.7], ["韩", 0.6], ["邓", 0.6], ["冯", 0.6], ["曹", 0.6], ["彭", 0.6], ["曾", 0.5],
  ["肖", 0.5], ["田", 0.5], ["董", 0.5], ["潘", 0.4], ["袁", 0.4], ["蔡", 0.4], ["蒋", 0.4], ["余", 0.4],
  ["于", 0.4], ["杜", 0.4], ["叶", 0.4], ["程", 0.3], ["魏", 0.3], ["苏", 0.3], ["吕", 0.3], ["丁", 0.3],
  ["任", 0.3], ["卢", 0.3], ["姚", 0.3], ["沈", 0.3], ["钟", 0.3], ["姜", 0.3], ["崔", 0.3], ["谭", 0.3],
  ["陆", 0.2], ["范", 0.2], ["汪", 0.2], ["廖", 0.2], ["石", 0.2], ["金", 0.2], ["韦", 0.2], ["贾", 0.2],
  ["夏", 0.2], ["付", 0.2], ["方", 0.2], ["邹", 0.2], ["熊", 0.2], ["白", 0.2], ["孟", 0.2], ["秦", 0.2],
  ["邱", 0.2], ["侯", 0.2], ["江", 0.2], ["尹", 0.2], ["薛", 0.2], ["闫", 0.2], ["段", 0.2], ["雷", 0.2],
  ["龙", 0.1], ["黎", 0.1], ["史", 0.1], ["陶", 0.1], ["贺", 0.1], ["毛", 0.1], ["郝", 0.1], ["顾", 0.1],
  ["龚", 0.1], ["邵", 0.1], ["万", 0.1], ["覃", 0.1], ["武", 0.1], ["钱", 0.1], ["戴", 0.1], ["严", 0.1],
  ["欧阳", 0.05], ["司马", 0.01], ["诸葛", 0.01],
];

const GIVEN_MALE = [
  "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "斌", "鹏", "辉", "刚", "健", "波", "平", "浩", "宇", "峰",
  "建国", "建华", "志强", "志刚", "海涛", "俊杰", "子豪", "浩然", "宇航", "文博", "国强", "晓东", "家豪", "振华", "永刚", "天宇",
] as const;

const GIVEN_FEMALE = [
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "颖", "倩", "雪", "琳", "洁", "欣", "蕾", "萍", "红",
  "秀英", "桂英", "丽娟", "晓燕", "雅琴", "婉婷", "欣怡", "梓涵", "思琪", "雨萱", "佳怡", "美玲", "淑珍", "春梅", "海燕", "慧敏",
] as const;

/** Real mobile prefixes (China Mobile, Unicom, Telecom, Broadnet). */
const MOBILE_PREFIXES = [
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "153", "155", "156",
  "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188",
  "189", "191", "192", "195", "198", "199",
] as const;

export function chineseName(rng: Rng): string {
  const [surname] = pickWeighted(rng, SURNAMES, ([, w]) => w);
  return surname + pick(rng, rng() < 0.5 ? GIVEN_MALE : GIVEN_FEMALE);
}

/** 11-digit mobile number, `1xx0000xxxx`. */
export function fakeMobile(rng: Rng): string {
  return `${pick(rng, MOBILE_PREFIXES)}0000${digits(rng, 4)}`;
}
