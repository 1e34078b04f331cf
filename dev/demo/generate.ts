import type { DemoAudioClip } from "./audio-clip";
import { DEMO_AUDIO_CLIPS } from "./audio-manifest";
import { apportion, callSlots } from "./calendar";
import { demoDebtor, type DemoDebtor } from "./debtors";
import { DEMO_INTENT_GROUPS, type DemoIntentGroupKey } from "./intents";
import { DEMO_WINDOW_DAYS, generateDemoJobs, type DemoJob } from "./jobs";
import { logNormalBetween, mixSeed, mulberry32, pick, pickWeighted, randInt, type Rng } from "./prng";
import { ANSWERED, DEMO_STATUS_PROFILES, TALK_SECONDS, type DemoStatusProfile } from "./result-status";
import { DAY_MS, formatGmt8, gmt8DayNumber } from "./wire-time";
import { transcriptsByFile } from "./transcripts";
import type { Utterance } from "../../lib/transcripts/schema";

export { generateDemoJobs, DEMO_WINDOW_DAYS, DEFAULT_DEMO_JOBS, type DemoJob, type DemoJobsOptions } from "./jobs";

/**
 * One IvrCallRecordDto exactly as a robot platform POSTs it to the ingest API:
 * snake_case keys, int64 ids as decimal strings, dates as `yyyy-MM-dd HH:mm:ss`
 * in GMT+8, absent fields omitted (never null).
 */
export interface DemoRecordWire {
  call_record_id: string;
  robot_call_job_id: string;
  called_phone_number: string;
  result_status: string;
  full_audio_url?: string;
  chat_duration: number;
  start_time: string;
  end_time: string;
  name: string;
  properties: string;
  intent_level_detail_name?: string;
  tenant_phone_number_id: string;
  phone_number: string;
  intent_level_code?: number;
  intent_level_tag_id?: string;
  /** What the recording says (records with a recording only): the console's own field. */
  transcript?: Utterance[];
}

export interface DemoRecordsOptions {
  seed: number;
  /** The end of the 30-day window the calls fall in. */
  now: Date;
  jobs?: number;
  /** How many records; 20,000 by default. */
  records?: number;
  /** Origin the recordings are served from: full_audio_url = `${audioBaseUrl}/demo-audio/<file>`. */
  audioBaseUrl: string;
}

export const DEFAULT_DEMO_SEED = 20261124;
export const DEFAULT_DEMO_RECORDS = 20_000;

/** Share of ANSWERED calls that come with a recording. */
const AUDIO_SHARE = 0.7;
/** Share of unanswered calls the vendor still labels with the group's 未接通 level. */
const NOT_CONNECTED_LABEL_SHARE = 0.3;
/** The longest call (ring + talk) ends before `now`: no end_time lies in the future. */
const LONGEST_CALL_MS = (60 + TALK_SECONDS.max + 60) * 1000;
/** Average number of calls per debtor on a job's list (no-answers get redialled). */
const CALLS_PER_DEBTOR = 1.6;

// Record ids: 2^53 + 1 + (seed mod 10^6) * 10^9 + 8 i + jitter. Above 2^53 so
// that every record exercises the int64 path; increasing with time like a
// vendor's sequence; unique within a run and apart for different seeds.
const RECORD_ID_BASE = 9007199254740993n;
const RECORD_ID_SEED_SPAN = 1_000_000;
const RECORD_ID_STRIDE = 8;
const MAX_RECORDS = 1_000_000_000 / RECORD_ID_STRIDE;

function recordIdBase(seed: number): bigint {
  const seedPart = ((Math.trunc(seed) % RECORD_ID_SEED_SPAN) + RECORD_ID_SEED_SPAN) % RECORD_ID_SEED_SPAN;
  return RECORD_ID_BASE + BigInt(seedPart) * 1_000_000_000n;
}

function statusTable(job: DemoJob): DemoStatusProfile[] {
  return DEMO_STATUS_PROFILES.map((p) => (p.status === ANSWERED ? { ...p, share: p.share * job.answerFactor } : p));
}

/** The recordings whose conversation ends in exactly this intent: a record never plays another intent's call. */
function clipsByIntent(): (group: DemoIntentGroupKey, code: number) => readonly DemoAudioClip[] {
  return (group, code) => DEMO_AUDIO_CLIPS.filter((c) => c.intent.group === group && c.intent.code === code);
}

/**
 * The demo's call records, in start_time order. Pure and deterministic: the
 * same options give the same records, byte for byte, on any host time zone.
 * Lazy, so a caller can stream millions without holding them.
 */
export function* generateDemoRecords(opts: DemoRecordsOptions): Generator<DemoRecordWire, void, undefined> {
  const total = opts.records ?? DEFAULT_DEMO_RECORDS;
  if (!Number.isInteger(total) || total < 0 || total > MAX_RECORDS)
    throw new Error(`records must be an integer in [0, ${MAX_RECORDS}], got ${total}`);
  const audioBase = opts.audioBaseUrl.replace(/\/+$/, "");
  const jobs = generateDemoJobs({ seed: opts.seed, now: opts.now, jobs: opts.jobs });
  const nowMs = opts.now.getTime();

  // Hourly slots over the window, weighted by the calendar, by how many jobs run
  // that day and by some day-to-day and hour-to-hour noise (real traffic is not flat).
  const noise = mulberry32(mixSeed(opts.seed, 4));
  const dayNoise = new Map<number, number>();
  const slots = callSlots(nowMs - DEMO_WINDOW_DAYS * DAY_MS, nowMs - LONGEST_CALL_MS).map((slot) => {
    const day = gmt8DayNumber(slot.startMs);
    if (!dayNoise.has(day)) dayNoise.set(day, 0.75 + noise() * 0.5);
    const active = jobs
      .map((_, i) => i)
      .filter((i) => (jobs[i] as DemoJob).firstDay <= day && day <= (jobs[i] as DemoJob).lastDay);
    const jobWeight = active.reduce((sum, i) => sum + (jobs[i] as DemoJob).weight, 0);
    const weight = slot.weight * jobWeight * (dayNoise.get(day) ?? 1) * (0.8 + noise() * 0.4);
    return { ...slot, active, jobWeight, weight };
  });
  const counts = apportion(
    total,
    slots.map((s) => s.weight),
  );

  // Each job's debtor list is sized to its expected share of calls.
  const expected = jobs.map(() => 0);
  slots.forEach((s, si) => {
    for (const j of s.active)
      expected[j] = (expected[j] ?? 0) + ((counts[si] ?? 0) * (jobs[j] as DemoJob).weight) / s.jobWeight;
  });
  const poolSizes = expected.map((e) => Math.max(20, Math.ceil(e / CALLS_PER_DEBTOR)));
  const statusTables = jobs.map(statusTable);
  const clipsFor = clipsByIntent();

  const rng = mulberry32(mixSeed(opts.seed, 2));
  const idBase = recordIdBase(opts.seed);
  let i = 0;

  for (const [si, slot] of slots.entries()) {
    const count = counts[si] ?? 0;
    if (count === 0) continue;
    const firstSec = Math.ceil(slot.startMs / 1000);
    const lastSec = Math.ceil(slot.endMs / 1000) - 1;
    const starts = Array.from({ length: count }, () => randInt(rng, firstSec, lastSec)).sort((a, b) => a - b);

    for (const startSec of starts) {
      const jobIndex = pickWeighted(rng, slot.active, (j) => (jobs[j] as DemoJob).weight);
      const job = jobs[jobIndex] as DemoJob;
      const debtor = demoDebtor(opts.seed, jobIndex, job, randInt(rng, 0, (poolSizes[jobIndex] ?? 1) - 1));
      const id = idBase + BigInt(i * RECORD_ID_STRIDE + randInt(rng, 0, RECORD_ID_STRIDE - 1));
      yield makeRecord(rng, {
        id,
        job,
        debtor,
        startSec,
        profile: pickWeighted(rng, statusTables[jobIndex] as DemoStatusProfile[], (p) => p.share),
        clipsFor,
        audioBase,
      });
      i++;
    }
  }
}

interface RecordInput {
  id: bigint;
  job: DemoJob;
  debtor: DemoDebtor;
  startSec: number;
  profile: DemoStatusProfile;
  clipsFor: (group: DemoIntentGroupKey, code: number) => readonly DemoAudioClip[];
  audioBase: string;
}

const TRANSCRIPTS = transcriptsByFile(DEMO_AUDIO_CLIPS);

function makeRecord(rng: Rng, r: RecordInput): DemoRecordWire {
  const group = DEMO_INTENT_GROUPS[r.job.group];
  const ring = randInt(rng, r.profile.ringSeconds[0], r.profile.ringSeconds[1]);
  const line = pick(rng, r.job.lines);

  let talk = 0;
  let intent: { code: number; name: string } | undefined;
  let audioUrl: string | undefined;
  let transcript: Utterance[] | undefined;
  if (r.profile.status === ANSWERED) {
    const level = pickWeighted(rng, group.levels, (l) => l.weight);
    intent = level;
    talk = Math.round(logNormalBetween(rng, level.talkMedianSeconds, 0.7, TALK_SECONDS.min, TALK_SECONDS.max));
    const clips = r.clipsFor(group.key, level.code);
    // Only intents with a recording of their own get one, and the call lasts
    // as long as it: the player and the duration column agree.
    if (rng() < AUDIO_SHARE && clips.length > 0) {
      const clip = pick(rng, clips);
      audioUrl = `${r.audioBase}/demo-audio/${clip.file}`;
      talk = Math.round(clip.durationSeconds);
      transcript = TRANSCRIPTS.get(clip.file);
    }
  } else if (rng() < NOT_CONNECTED_LABEL_SHARE) {
    intent = group.notConnected;
  }

  const startMs = r.startSec * 1000;
  return {
    call_record_id: r.id.toString(),
    robot_call_job_id: r.job.id,
    called_phone_number: r.debtor.phone,
    result_status: r.profile.status,
    ...(audioUrl !== undefined && { full_audio_url: audioUrl }),
    chat_duration: talk,
    start_time: formatGmt8(startMs),
    end_time: formatGmt8(startMs + (ring + talk) * 1000),
    name: r.debtor.name,
    properties: r.debtor.properties,
    ...(intent !== undefined && { intent_level_detail_name: intent.name }),
    tenant_phone_number_id: line.tenantPhoneNumberId,
    phone_number: line.phoneNumber,
    ...(intent !== undefined && { intent_level_code: intent.code, intent_level_tag_id: group.tagId }),
    ...(transcript !== undefined && transcript.length > 0 && { transcript }),
  };
}
