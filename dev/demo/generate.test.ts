import { describe, expect, it } from "vitest";
import { DEMO_AUDIO_CLIPS } from "./audio-manifest";
import { isWorkingHour } from "./calendar";
import { generateDemoJobs, generateDemoRecords, type DemoRecordWire } from "./generate";
import { DEMO_INTENT_GROUPS, demoIntentName } from "./intents";
import { gmt8Hour, parseGmt8 } from "./wire-time";

const NOW = new Date("2026-11-24T02:00:00Z"); // 10:00 GMT+8
const DAY_MS = 86_400_000;
const TWO_53 = 2n ** 53n;

describe("generateDemoRecords: determinism", () => {
  const opts = { seed: 7, now: NOW, records: 1000, audioBaseUrl: "https://demo.example/" };

  it("gives exactly these first records for seed 7", () => {
    const [first, second] = generateDemoRecords(opts);
    expect(first).toEqual({
      call_record_id: "9007206254740996",
      robot_call_job_id: "9007199254741896",
      called_phone_number: "13700007371",
      result_status: "ANSWERED",
      chat_duration: 35,
      start_time: "2026-10-25 14:30:57",
      end_time: "2026-10-25 14:31:44",
      name: "丁娟",
      properties:
        '{"case_no":"(2026)京0105民诉前调4424号","creditor":"华信消费金融有限公司","product":"易借","debt_amount":10449.47,"overdue_days":56,"mediation_center":"京和金融纠纷调解中心"}',
      intent_level_detail_name: "无法判断",
      tenant_phone_number_id: "1690000000000102",
      phone_number: "01060000102",
      intent_level_code: 6,
      intent_level_tag_id: "730001",
    });
    // Absent fields are omitted, as on the wire, not sent as null.
    expect(second).toEqual({
      call_record_id: "9007206254741004",
      robot_call_job_id: "9007199254741896",
      called_phone_number: "18300000612",
      result_status: "NO_ANSWER",
      chat_duration: 0,
      start_time: "2026-10-25 16:08:21",
      end_time: "2026-10-25 16:08:56",
      name: "李磊",
      properties:
        '{"case_no":"(2026)京0105民诉前调26010号","creditor":"华信消费金融有限公司","product":"易借","debt_amount":8384.79,"overdue_days":19,"mediation_center":"京和金融纠纷调解中心"}',
      tenant_phone_number_id: "1690000000000102",
      phone_number: "01060000102",
    });
  });

  it("builds audio URLs on the base URL, trailing slash or not", () => {
    const withAudio = [...generateDemoRecords(opts)].find((r) => r.full_audio_url);
    expect(withAudio?.full_audio_url).toBe("https://demo.example/demo-audio/mediation-agree.mp3");
  });

  it("gives the same records for the same seed and different ones for another seed", () => {
    const a = [...generateDemoRecords(opts)];
    const b = [...generateDemoRecords(opts)];
    const c = [...generateDemoRecords({ ...opts, seed: 8 })];
    expect(b).toEqual(a);
    expect(c.map((r) => r.call_record_id)).not.toEqual(a.map((r) => r.call_record_id));
    const ids = new Set(a.map((r) => r.call_record_id));
    expect(c.some((r) => ids.has(r.call_record_id))).toBe(false);
  });

  it("does not depend on the host's time zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      const la = [...generateDemoRecords(opts)].slice(0, 50);
      process.env.TZ = "Asia/Kolkata";
      const kolkata = [...generateDemoRecords(opts)].slice(0, 50);
      expect(kolkata).toEqual(la);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("yields exactly the number of records asked for, none for zero", () => {
    expect([...generateDemoRecords({ ...opts, records: 1 })]).toHaveLength(1);
    expect([...generateDemoRecords({ ...opts, records: 0 })]).toHaveLength(0);
    expect([...generateDemoRecords({ ...opts, records: 1234 })]).toHaveLength(1234);
    expect(() => [...generateDemoRecords({ ...opts, records: -1 })]).toThrow(/records/);
  });
});

describe("generateDemoRecords: 20,000 records look real", () => {
  const records: DemoRecordWire[] = [
    ...generateDemoRecords({ seed: 20261124, now: NOW, audioBaseUrl: "http://127.0.0.1:3000" }),
  ];
  const answered = records.filter((r) => r.result_status === "ANSWERED");
  const share = (n: number, of = records.length) => n / of;

  it("has 20,000 records with unique ids, all int64 decimal strings above 2^53", () => {
    expect(records).toHaveLength(20_000);
    expect(new Set(records.map((r) => r.call_record_id)).size).toBe(20_000);
    for (const r of records) {
      expect(r.call_record_id).toMatch(/^[1-9]\d*$/);
      expect(BigInt(r.call_record_id) > TWO_53).toBe(true);
    }
  });

  it("uses about 20 jobs, some with ids above 2^53 and some below", () => {
    const jobIds = [...new Set(records.map((r) => r.robot_call_job_id))];
    expect(jobIds).toHaveLength(20);
    expect(jobIds.some((id) => BigInt(id) > TWO_53)).toBe(true);
    expect(jobIds.some((id) => BigInt(id) < TWO_53)).toBe(true);
    expect(jobIds.filter((id) => BigInt(id) > TWO_53).every((id) => /^9007199254741\d{3}$/.test(id))).toBe(true);
  });

  it("answers about half the calls and keeps the rest of the vocabulary in a realistic order", () => {
    expect(share(answered.length)).toBeGreaterThan(0.45);
    expect(share(answered.length)).toBeLessThan(0.55);
    const count = (s: string) => records.filter((r) => r.result_status === s).length;
    expect(count("NO_ANSWER")).toBeGreaterThan(count("BUSY"));
    expect(count("BUSY")).toBeGreaterThan(count("VACANT_NUMBER"));
    for (const rare of ["FROM_PHONE_ERROR", "SYSTEM_ERROR", "CALL_LOSS", "TRANSFER_ARTIFICIAL"]) {
      expect(count(rare)).toBeGreaterThan(0);
      expect(share(count(rare))).toBeLessThan(0.02);
    }
  });

  it("gives talk time only to answered calls, 15 s to 6 min, and end = start + ring + talk", () => {
    for (const r of records) {
      const span = (parseGmt8(r.end_time) - parseGmt8(r.start_time)) / 1000;
      if (r.result_status === "ANSWERED") {
        expect(r.chat_duration).toBeGreaterThanOrEqual(13); // the shortest recording is 13.35 s
        expect(r.chat_duration).toBeLessThanOrEqual(360);
      } else {
        expect(r.chat_duration).toBe(0);
      }
      expect(span).toBeGreaterThanOrEqual(r.chat_duration);
      expect(span - r.chat_duration).toBeLessThanOrEqual(60); // the ring
    }
    const sorted = answered.map((r) => r.chat_duration).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(25);
    expect(median).toBeLessThan(120);
  });

  it("labels intents by (tag id, code) from the job's own group; only answered calls get answered levels", () => {
    const groupByTag = new Map(Object.values(DEMO_INTENT_GROUPS).map((g) => [g.tagId, g]));
    for (const r of records) {
      if (r.intent_level_tag_id === undefined) {
        expect(r.intent_level_code).toBeUndefined();
        expect(r.intent_level_detail_name).toBeUndefined();
        continue;
      }
      const group = groupByTag.get(r.intent_level_tag_id);
      expect(group, r.intent_level_tag_id).toBeDefined();
      expect(demoIntentName(r.intent_level_tag_id, r.intent_level_code ?? -1)).toBe(r.intent_level_detail_name);
      const notConnected = r.intent_level_code === group?.notConnected.code;
      expect(notConnected).toBe(r.result_status !== "ANSWERED");
    }
    // Every answered call is labelled, and each job sticks to one tag group.
    expect(answered.every((r) => r.intent_level_tag_id !== undefined)).toBe(true);
    const tagsByJob = new Map<string, Set<string>>();
    for (const r of records)
      if (r.intent_level_tag_id)
        tagsByJob.set(
          r.robot_call_job_id,
          (tagsByJob.get(r.robot_call_job_id) ?? new Set()).add(r.intent_level_tag_id),
        );
    for (const tags of tagsByJob.values()) expect(tags.size).toBe(1);
    // The same code means different things in different groups.
    const namesForCode1 = new Set(
      records.filter((r) => r.intent_level_code === 1).map((r) => r.intent_level_detail_name),
    );
    expect(namesForCode1.size).toBeGreaterThanOrEqual(3);
  });

  it("puts calls inside the 30-day window before now, mostly in GMT+8 working hours, few on Sundays", () => {
    const from = NOW.getTime() - 30 * DAY_MS;
    let working = 0;
    let sundays = 0;
    let previous = -Infinity;
    for (const r of records) {
      expect(r.start_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      const start = parseGmt8(r.start_time);
      expect(start).toBeGreaterThanOrEqual(from);
      expect(parseGmt8(r.end_time)).toBeLessThanOrEqual(NOW.getTime());
      expect(start).toBeGreaterThanOrEqual(previous); // yielded in start_time order
      previous = start;
      const hour = gmt8Hour(start);
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(22);
      if (isWorkingHour(hour)) working++;
      if (new Date(start + 8 * 3_600_000).getUTCDay() === 0) sundays++;
    }
    expect(share(working)).toBeGreaterThan(0.85);
    // 4 or 5 Sundays of 30 days would be ~15% if Sundays were ordinary days.
    expect(share(sundays)).toBeLessThan(0.06);
    // Every day of the window has calls.
    expect(new Set(records.map((r) => r.start_time.slice(0, 10))).size).toBeGreaterThanOrEqual(30);
  });

  it("gives about 70% of the answered calls whose intent has a recording that recording, of that intent and that length, and none to the others", () => {
    const clipOf = new Map(DEMO_AUDIO_CLIPS.map((c) => [c.file, c]));
    const tagOf = Object.fromEntries(Object.values(DEMO_INTENT_GROUPS).map((g) => [g.key, g.tagId])) as Record<
      string,
      string
    >;
    const hasClip = (r: DemoRecordWire) =>
      DEMO_AUDIO_CLIPS.some(
        (c) => tagOf[c.intent.group] === r.intent_level_tag_id && c.intent.code === r.intent_level_code,
      );
    const eligible = answered.filter(hasClip);
    const withAudio = answered.filter((r) => r.full_audio_url);
    expect(share(withAudio.length, eligible.length)).toBeGreaterThan(0.65);
    expect(share(withAudio.length, eligible.length)).toBeLessThan(0.75);
    expect(records.filter((r) => r.result_status !== "ANSWERED" && r.full_audio_url)).toHaveLength(0);
    for (const r of withAudio) {
      const m = /^http:\/\/127\.0\.0\.1:3000\/demo-audio\/([\w-]+\.mp3)$/.exec(r.full_audio_url ?? "");
      const clip = clipOf.get(m?.[1] ?? "");
      expect(clip).toBeDefined();
      // The conversation ends in the record's intent (有还款意愿 never plays debt-deny.mp3)…
      expect([tagOf[clip!.intent.group], clip!.intent.code]).toEqual([r.intent_level_tag_id, r.intent_level_code]);
      // …and lasts as long as the record says.
      expect(Math.abs(r.chat_duration - clip!.durationSeconds)).toBeLessThanOrEqual(0.5);
    }
  });

  it("has plausible people: Chinese names, fake mobiles, properties with case numbers", () => {
    for (const r of records.slice(0, 2000)) {
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(r.called_phone_number).toMatch(/^1[3-9]\d0000\d{4}$/);
      expect(r.phone_number).toMatch(/^0\d{9,11}$/);
      expect(r.tenant_phone_number_id).toMatch(/^[1-9]\d*$/);
      const props = JSON.parse(r.properties) as Record<string, unknown>;
      expect(props.case_no).toMatch(/^\(20\d{2}\)[京沪粤]\d{4}(民诉前调|民初|执)\d{4,5}号$/);
      expect(typeof props.creditor).toBe("string");
      expect(props.debt_amount).toBeGreaterThan(0);
      expect(Number.isInteger(props.overdue_days)).toBe(true);
    }
    // Debtors get called more than once, with the same identity each time.
    const byPhone = new Map<string, Set<string>>();
    for (const r of records)
      byPhone.set(
        `${r.robot_call_job_id}/${r.called_phone_number}`,
        (byPhone.get(`${r.robot_call_job_id}/${r.called_phone_number}`) ?? new Set()).add(r.name + r.properties),
      );
    expect(byPhone.size).toBeLessThan(records.length * 0.9);
  });
});

describe("generateDemoJobs", () => {
  it("names jobs in Chinese, gives each a tag group and a period inside the window", () => {
    const jobs = generateDemoJobs({ seed: 1, now: NOW });
    expect(jobs).toHaveLength(20);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(20);
    for (const j of jobs) {
      expect(j.name).toMatch(/[\u4e00-\u9fff]/);
      expect(j.tagId).toBe(DEMO_INTENT_GROUPS[j.group].tagId);
      expect(j.firstDay).toBeLessThanOrEqual(j.lastDay);
      expect(j.firstDate <= j.lastDate).toBe(true);
      expect(j.lastDate <= "2026-11-24").toBe(true);
    }
    expect(new Set(jobs.map((j) => j.group)).size).toBe(4);
  });

  it("repeats templates as later batches past 20 jobs, ids still unique", () => {
    const jobs = generateDemoJobs({ seed: 1, now: NOW, jobs: 45 });
    expect(new Set(jobs.map((j) => j.id)).size).toBe(45);
    expect([...generateDemoRecords({ seed: 1, now: NOW, jobs: 45, records: 3000, audioBaseUrl: "" })]).toHaveLength(
      3000,
    );
  });
});
