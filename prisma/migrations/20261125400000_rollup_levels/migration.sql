-- Two more levels for the rollups, folded from the same deltas:
--   call_record_global_rollups / call_record_global_daily_rollups: the same
--     groups without the job, so facets and totals over all jobs add up a few
--     thousand rows, not one row per job and group (hundreds of thousands);
--   call_record_job_totals: one row per job with the jobs overview's figures.

CREATE TABLE "call_record_global_rollups" (
    "result_status" TEXT NOT NULL,
    "has_intent" BOOLEAN NOT NULL,
    "intent_level_tag_id" BIGINT NOT NULL,
    "intent_level_code" INTEGER NOT NULL,
    "submission_state" "submission_state" NOT NULL,
    "review_state" "review_state" NOT NULL,
    "has_audio" BOOLEAN NOT NULL,
    "records" BIGINT NOT NULL,
    "talk_records" BIGINT NOT NULL,
    "talk_seconds" BIGINT NOT NULL,

    CONSTRAINT "call_record_global_rollups_pkey" PRIMARY KEY ("result_status", "has_intent", "intent_level_tag_id", "intent_level_code", "submission_state", "review_state", "has_audio")
);

CREATE TABLE "call_record_global_daily_rollups" (
    "day" DATE NOT NULL,
    "result_status" TEXT NOT NULL,
    "has_intent" BOOLEAN NOT NULL,
    "intent_level_tag_id" BIGINT NOT NULL,
    "intent_level_code" INTEGER NOT NULL,
    "submission_state" "submission_state" NOT NULL,
    "review_state" "review_state" NOT NULL,
    "has_audio" BOOLEAN NOT NULL,
    "records" BIGINT NOT NULL,
    "talk_records" BIGINT NOT NULL,
    "talk_seconds" BIGINT NOT NULL,

    CONSTRAINT "call_record_global_daily_rollups_pkey" PRIMARY KEY ("day", "result_status", "has_intent", "intent_level_tag_id", "intent_level_code", "submission_state", "review_state", "has_audio")
);

CREATE TABLE "call_record_job_totals" (
    "robot_call_job_id" BIGINT NOT NULL,
    "records" BIGINT NOT NULL,
    "answered" BIGINT NOT NULL,
    "talk_records" BIGINT NOT NULL,
    "talk_seconds" BIGINT NOT NULL,
    "accepted" BIGINT NOT NULL,
    "rejected" BIGINT NOT NULL,
    "pending" BIGINT NOT NULL,
    "not_submitted" BIGINT NOT NULL,
    "reviewed" BIGINT NOT NULL,
    "flagged" BIGINT NOT NULL,

    CONSTRAINT "call_record_job_totals_pkey" PRIMARY KEY ("robot_call_job_id")
);

CREATE INDEX "call_record_global_rollups_empty_idx" ON "call_record_global_rollups" ("result_status") WHERE ("records" = 0);
CREATE INDEX "call_record_global_daily_rollups_empty_idx" ON "call_record_global_daily_rollups" ("day") WHERE ("records" = 0);
CREATE INDEX "call_record_job_totals_empty_idx" ON "call_record_job_totals" ("robot_call_job_id") WHERE ("records" = 0);

-- The trigger function again, with static statements instead of one built
-- with format() and EXECUTE: PL/pgSQL keeps their plans, where the dynamic
-- statement was planned anew on every write (milliseconds on each of the
-- worker's single-record updates).
CREATE OR REPLACE FUNCTION "call_records_rollup_delta"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz TEXT := (SELECT time_zone FROM call_record_rollup_settings WHERE id = 1);
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                           submission_state, review_state, has_audio, records, talk_records, talk_seconds)
    SELECT day, robot_call_job_id, result_status, has_intent, tag, code, submission_state, review_state, has_audio,
           sum(sign), COALESCE(sum(sign) FILTER (WHERE talk IS NOT NULL), 0), COALESCE(sum(sign * talk), 0)
    FROM (
      SELECT COALESCE((start_time AT TIME ZONE tz)::date, 'infinity'::date) AS day, robot_call_job_id,
             COALESCE(result_status, '') AS result_status,
             (intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL) AS has_intent,
             CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_tag_id ELSE 0 END AS tag,
             CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_code ELSE 0 END AS code,
             submission_state, review_state, full_audio_url IS NOT NULL AS has_audio, 1 AS sign,
             CASE WHEN result_status = 'ANSWERED' THEN chat_duration END AS talk
      FROM new_rows
    ) moved
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(sign) <> 0 OR COALESCE(sum(sign) FILTER (WHERE talk IS NOT NULL), 0) <> 0 OR COALESCE(sum(sign * talk), 0) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                           submission_state, review_state, has_audio, records, talk_records, talk_seconds)
    SELECT day, robot_call_job_id, result_status, has_intent, tag, code, submission_state, review_state, has_audio,
           sum(sign), COALESCE(sum(sign) FILTER (WHERE talk IS NOT NULL), 0), COALESCE(sum(sign * talk), 0)
    FROM (
      SELECT COALESCE((start_time AT TIME ZONE tz)::date, 'infinity'::date) AS day, robot_call_job_id,
             COALESCE(result_status, '') AS result_status,
             (intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL) AS has_intent,
             CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_tag_id ELSE 0 END AS tag,
             CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_code ELSE 0 END AS code,
             submission_state, review_state, full_audio_url IS NOT NULL AS has_audio, -1 AS sign,
             CASE WHEN result_status = 'ANSWERED' THEN chat_duration END AS talk
      FROM old_rows
    ) moved
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(sign) <> 0 OR COALESCE(sum(sign) FILTER (WHERE talk IS NOT NULL), 0) <> 0 OR COALESCE(sum(sign * talk), 0) <> 0;
  ELSE
    INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                           submission_state, review_state, has_audio, records, talk_records, talk_seconds)
    SELECT day, robot_call_job_id, result_status, has_intent, tag, code, submission_state, review_state, has_audio,
           sum(sign), COALESCE(sum(sign) FILTER (WHERE talk IS NOT NULL), 0), COALESCE(sum(sign * talk), 0)
    FROM (
      SELECT COALESCE((start_time AT TIME ZONE tz)::date, 'infinity'::date) AS day, robot_call_job_id,
             COALESCE(result_status, '') AS result_status,
             (intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL) AS has_intent,
             CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_tag_id ELSE 0 END AS tag,
             CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_code ELSE 0 END AS code,
             submission_state, review_state, full_audio_url IS NOT NULL AS has_audio, 1 AS sign,
             CASE WHEN result_status = 'ANSWERED' THEN chat_duration END AS talk
      FROM new_rows
      UNION ALL
      SELECT COALESCE((start_time AT TIME ZONE tz)::date, 'infinity'::date) AS day, robot_call_job_id,
             COALESCE(result_status, '') AS result_status,
             (intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL) AS has_intent,
             CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_tag_id ELSE 0 END AS tag,
             CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_code ELSE 0 END AS code,
             submission_state, review_state, full_audio_url IS NOT NULL AS has_audio, -1 AS sign,
             CASE WHEN result_status = 'ANSWERED' THEN chat_duration END AS talk
      FROM old_rows
    ) moved
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(sign) <> 0 OR COALESCE(sum(sign) FILTER (WHERE talk IS NOT NULL), 0) <> 0 OR COALESCE(sum(sign * talk), 0) <> 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "call_record_rollups_compact"() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  folded BIGINT;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('call_record_rollups_compact')) THEN
    RETURN 0;
  END IF;
  CREATE TEMP TABLE IF NOT EXISTS folding (LIKE call_record_rollup_deltas) ON COMMIT DELETE ROWS;
  -- Data-modifying CTEs run to completion whether or not they are read.
  WITH d AS (DELETE FROM call_record_rollup_deltas RETURNING *)
  INSERT INTO folding SELECT * FROM d;
  GET DIAGNOSTICS folded = ROW_COUNT;

  INSERT INTO call_record_daily_rollups AS r (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                              submission_state, review_state, has_audio, records, talk_records, talk_seconds)
  SELECT day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, sum(records), sum(talk_records), sum(talk_seconds)
  FROM folding GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio)
  DO UPDATE SET records = r.records + EXCLUDED.records, talk_records = r.talk_records + EXCLUDED.talk_records,
                talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds;

  INSERT INTO call_record_rollups AS r (robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                        submission_state, review_state, has_audio, records, talk_records, talk_seconds)
  SELECT robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, sum(records), sum(talk_records), sum(talk_seconds)
  FROM folding GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio)
  DO UPDATE SET records = r.records + EXCLUDED.records, talk_records = r.talk_records + EXCLUDED.talk_records,
                talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds;

  INSERT INTO call_record_global_daily_rollups AS r (day, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                                     submission_state, review_state, has_audio, records, talk_records, talk_seconds)
  SELECT day, result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, sum(records), sum(talk_records), sum(talk_seconds)
  FROM folding GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (day, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio)
  DO UPDATE SET records = r.records + EXCLUDED.records, talk_records = r.talk_records + EXCLUDED.talk_records,
                talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds;

  INSERT INTO call_record_global_rollups AS r (result_status, has_intent, intent_level_tag_id, intent_level_code,
                                               submission_state, review_state, has_audio, records, talk_records, talk_seconds)
  SELECT result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, sum(records), sum(talk_records), sum(talk_seconds)
  FROM folding GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio)
  DO UPDATE SET records = r.records + EXCLUDED.records, talk_records = r.talk_records + EXCLUDED.talk_records,
                talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds;

  INSERT INTO call_record_job_totals AS r (robot_call_job_id, records, answered, talk_records, talk_seconds, accepted, rejected,
                                           pending, not_submitted, reviewed, flagged)
  SELECT robot_call_job_id, sum(records),
         COALESCE(sum(records) FILTER (WHERE result_status = 'ANSWERED'), 0), sum(talk_records), sum(talk_seconds),
         COALESCE(sum(records) FILTER (WHERE submission_state = 'accepted'), 0),
         COALESCE(sum(records) FILTER (WHERE submission_state IN ('rejected', 'failed')), 0),
         COALESCE(sum(records) FILTER (WHERE submission_state IN ('queued', 'in_flight', 'retrying')), 0),
         COALESCE(sum(records) FILTER (WHERE submission_state = 'not_submitted'), 0),
         COALESCE(sum(records) FILTER (WHERE review_state <> 'unreviewed'), 0),
         COALESCE(sum(records) FILTER (WHERE review_state = 'flagged'), 0)
  FROM folding GROUP BY 1 ORDER BY 1
  ON CONFLICT (robot_call_job_id)
  DO UPDATE SET records = r.records + EXCLUDED.records, answered = r.answered + EXCLUDED.answered,
                talk_records = r.talk_records + EXCLUDED.talk_records, talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds,
                accepted = r.accepted + EXCLUDED.accepted, rejected = r.rejected + EXCLUDED.rejected,
                pending = r.pending + EXCLUDED.pending, not_submitted = r.not_submitted + EXCLUDED.not_submitted,
                reviewed = r.reviewed + EXCLUDED.reviewed, flagged = r.flagged + EXCLUDED.flagged;

  DELETE FROM call_record_daily_rollups WHERE records = 0;
  DELETE FROM call_record_rollups WHERE records = 0;
  DELETE FROM call_record_global_daily_rollups WHERE records = 0;
  DELETE FROM call_record_global_rollups WHERE records = 0;
  DELETE FROM call_record_job_totals WHERE records = 0;
  RETURN folded;
END
$$;

-- The recount fills every level: the records into the deltas (one grouped
-- statement), then one fold. Writers wait meanwhile (share lock).
CREATE OR REPLACE FUNCTION "call_record_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz TEXT := (SELECT time_zone FROM call_record_rollup_settings WHERE id = 1);
BEGIN
  LOCK TABLE call_records IN SHARE MODE;
  LOCK TABLE call_record_rollup_deltas, call_record_rollups, call_record_daily_rollups,
             call_record_global_rollups, call_record_global_daily_rollups, call_record_job_totals IN EXCLUSIVE MODE;
  DELETE FROM call_record_rollup_deltas;
  DELETE FROM call_record_rollups;
  DELETE FROM call_record_daily_rollups;
  DELETE FROM call_record_global_rollups;
  DELETE FROM call_record_global_daily_rollups;
  DELETE FROM call_record_job_totals;
  INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                         submission_state, review_state, has_audio, records, talk_records, talk_seconds)
  SELECT COALESCE((start_time AT TIME ZONE tz)::date, 'infinity'::date), robot_call_job_id, COALESCE(result_status, ''),
         (intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL),
         CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_tag_id ELSE 0 END,
         CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_code ELSE 0 END,
         submission_state, review_state, full_audio_url IS NOT NULL,
         count(*), count(chat_duration) FILTER (WHERE result_status = 'ANSWERED'),
         COALESCE(sum(chat_duration) FILTER (WHERE result_status = 'ANSWERED'), 0)
  FROM call_records
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  PERFORM call_record_rollups_compact();
END
$$;

SELECT "call_record_rollups_rebuild"();
