-- Automatic compliance checks (calling hours, contact frequency, anomalies;
-- lib/compliance/checks.ts) and the compliance dimension of the rollups.
--
-- Writers wait until the triggers below and the rollups agree again.
LOCK TABLE "call_records" IN SHARE MODE;

-- Calls to one number, in time order: the frequency check counts a call's
-- earlier calls that day and in the 7 days before with one range of this index.
CREATE INDEX "call_records_called_phone_number_start_time_idx" ON "call_records" ("called_phone_number", "start_time");

-- A job's own permitted calling window ("HH:MM-HH:MM" in DISPLAY_TIME_ZONE); NULL: COMPLIANCE_CALLING_HOURS.
ALTER TABLE "robot_call_jobs" ADD COLUMN "calling_hours" TEXT,
  ADD CONSTRAINT "robot_call_jobs_calling_hours_check"
    CHECK ("calling_hours" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$');

-- The settings the stored flags were checked with: a process that starts with
-- other settings queues a recheck of every record.
CREATE TABLE "compliance_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "settings" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compliance_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "compliance_settings_id_check" CHECK ("id" = 1)
);

-- Rechecks to run, chunk by chunk in id order (the worker): every record
-- (robot_call_job_id NULL) or one job's. after_id is the progress, so a
-- stopped worker resumes where it was.
CREATE TABLE "compliance_rechecks" (
    "id" BIGSERIAL NOT NULL,
    "robot_call_job_id" BIGINT,
    "after_id" BIGINT NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compliance_rechecks_pkey" PRIMARY KEY ("id")
);

-- ---------------------------------------------------------------------------
-- The rollups gain the record's compliance_flags (0..15) as a dimension, so
-- counts of flagged calls per job, per day and over all jobs come from the
-- rollups like every other count. Almost every record has 0: few new groups.
ALTER TABLE "call_record_rollup_deltas" ADD COLUMN "compliance_flags" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "call_record_rollups" ADD COLUMN "compliance_flags" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "call_record_daily_rollups" ADD COLUMN "compliance_flags" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "call_record_global_rollups" ADD COLUMN "compliance_flags" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "call_record_global_daily_rollups" ADD COLUMN "compliance_flags" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "call_record_rollups" DROP CONSTRAINT "call_record_rollups_pkey",
  ADD CONSTRAINT "call_record_rollups_pkey" PRIMARY KEY ("robot_call_job_id", "result_status", "has_intent", "intent_level_tag_id",
    "intent_level_code", "submission_state", "review_state", "has_audio", "compliance_flags");
ALTER TABLE "call_record_daily_rollups" DROP CONSTRAINT "call_record_daily_rollups_pkey",
  ADD CONSTRAINT "call_record_daily_rollups_pkey" PRIMARY KEY ("day", "robot_call_job_id", "result_status", "has_intent",
    "intent_level_tag_id", "intent_level_code", "submission_state", "review_state", "has_audio", "compliance_flags");
ALTER TABLE "call_record_global_rollups" DROP CONSTRAINT "call_record_global_rollups_pkey",
  ADD CONSTRAINT "call_record_global_rollups_pkey" PRIMARY KEY ("result_status", "has_intent", "intent_level_tag_id",
    "intent_level_code", "submission_state", "review_state", "has_audio", "compliance_flags");
ALTER TABLE "call_record_global_daily_rollups" DROP CONSTRAINT "call_record_global_daily_rollups_pkey",
  ADD CONSTRAINT "call_record_global_daily_rollups_pkey" PRIMARY KEY ("day", "result_status", "has_intent", "intent_level_tag_id",
    "intent_level_code", "submission_state", "review_state", "has_audio", "compliance_flags");

-- The key function with the new dimension (its row type changes: dropped and
-- created again; the trigger function and the readers name its columns).
DROP FUNCTION "call_record_rollup_key"(call_records, text);
CREATE FUNCTION "call_record_rollup_key"(r call_records, tz text)
RETURNS TABLE (day date, robot_call_job_id bigint, result_status text, has_intent boolean, intent_level_tag_id bigint,
               intent_level_code integer, review_state review_state, has_audio boolean, compliance_flags integer, talk integer)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE((r.start_time AT TIME ZONE tz)::date, 'infinity'::date),
         r.robot_call_job_id,
         COALESCE(r.result_status, ''),
         (r.intent_level_tag_id IS NOT NULL AND r.intent_level_code IS NOT NULL),
         CASE WHEN r.intent_level_tag_id IS NOT NULL AND r.intent_level_code IS NOT NULL THEN r.intent_level_tag_id ELSE 0 END,
         CASE WHEN r.intent_level_tag_id IS NOT NULL AND r.intent_level_code IS NOT NULL THEN r.intent_level_code ELSE 0 END,
         r.review_state,
         r.full_audio_url IS NOT NULL,
         r.compliance_flags,
         -- Talk time counts for answered calls only.
         CASE WHEN r.result_status = 'ANSWERED' THEN r.chat_duration END
$$;

CREATE OR REPLACE FUNCTION "call_records_rollup_delta"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz TEXT := (SELECT time_zone FROM call_record_rollup_settings WHERE id = 1);
BEGIN
  -- Transition tables exist only for the operations that have them: one
  -- branch per operation, each moving rows in (+1) or out (-1) of their key.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                           submission_state, review_state, has_audio, compliance_flags, records, talk_records, talk_seconds)
    SELECT k.day, k.robot_call_job_id, k.result_status, k.has_intent, k.intent_level_tag_id, k.intent_level_code,
           n.submission_state, k.review_state, k.has_audio, k.compliance_flags, count(*), count(k.talk), COALESCE(sum(k.talk), 0)
    FROM new_rows n CROSS JOIN LATERAL call_record_rollup_key(n, tz) k
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                           submission_state, review_state, has_audio, compliance_flags, records, talk_records, talk_seconds)
    SELECT k.day, k.robot_call_job_id, k.result_status, k.has_intent, k.intent_level_tag_id, k.intent_level_code,
           o.submission_state, k.review_state, k.has_audio, k.compliance_flags, -count(*), -count(k.talk), -COALESCE(sum(k.talk), 0)
    FROM old_rows o CROSS JOIN LATERAL call_record_rollup_key(o, tz) k
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  ELSE
    INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                           submission_state, review_state, has_audio, compliance_flags, records, talk_records, talk_seconds)
    SELECT m.day, m.robot_call_job_id, m.result_status, m.has_intent, m.intent_level_tag_id, m.intent_level_code,
           m.submission_state, m.review_state, m.has_audio, m.compliance_flags,
           sum(m.sign), COALESCE(sum(m.sign) FILTER (WHERE m.talk IS NOT NULL), 0), COALESCE(sum(m.sign * m.talk), 0)
    FROM (SELECT k.*, n.submission_state, 1 AS sign FROM new_rows n CROSS JOIN LATERAL call_record_rollup_key(n, tz) k
          UNION ALL
          SELECT k.*, o.submission_state, -1 FROM old_rows o CROSS JOIN LATERAL call_record_rollup_key(o, tz) k) m
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    -- An update that moves nothing (a review note, a re-push of the same content) leaves no delta.
    HAVING sum(m.sign) <> 0 OR COALESCE(sum(m.sign) FILTER (WHERE m.talk IS NOT NULL), 0) <> 0 OR COALESCE(sum(m.sign * m.talk), 0) <> 0;
  END IF;
  RETURN NULL;
END
$$;

-- The compactor of 20261125610000_job_call_bounds, with compliance_flags in
-- the four grouped rollups (call_record_job_totals has no such dimension).
CREATE OR REPLACE FUNCTION "call_record_rollups_compact"() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  folded BIGINT;
  bounds BIGINT;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('call_record_rollups_compact')) THEN
    RETURN 0;
  END IF;
  -- The first/last call deltas are taken before the count deltas: whatever is
  -- folded here was committed before the count deltas are taken below, so its
  -- job has its call_record_job_totals row by the time the bounds are applied.
  CREATE TEMP TABLE IF NOT EXISTS folding_bounds (LIKE call_record_job_bounds_deltas) ON COMMIT DELETE ROWS;
  WITH b AS (DELETE FROM call_record_job_bounds_deltas RETURNING *)
  INSERT INTO folding_bounds SELECT * FROM b;
  GET DIAGNOSTICS bounds = ROW_COUNT;

  -- A session that folded before this migration holds the temp table without
  -- the new column: it is made again.
  IF to_regclass('pg_temp.folding') IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('pg_temp.folding') AND attname = 'compliance_flags') THEN
    DROP TABLE pg_temp.folding;
  END IF;
  CREATE TEMP TABLE IF NOT EXISTS folding (LIKE call_record_rollup_deltas) ON COMMIT DELETE ROWS;
  -- Data-modifying CTEs run to completion whether or not they are read.
  WITH d AS (DELETE FROM call_record_rollup_deltas RETURNING *)
  INSERT INTO folding (id, day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                       submission_state, review_state, has_audio, records, talk_records, talk_seconds, compliance_flags)
  SELECT id, day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, records, talk_records, talk_seconds, compliance_flags FROM d;
  GET DIAGNOSTICS folded = ROW_COUNT;

  INSERT INTO call_record_daily_rollups AS r (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                              submission_state, review_state, has_audio, compliance_flags, records, talk_records, talk_seconds)
  SELECT day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, compliance_flags, sum(records), sum(talk_records), sum(talk_seconds)
  FROM folding GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  ON CONFLICT (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state,
               has_audio, compliance_flags)
  DO UPDATE SET records = r.records + EXCLUDED.records, talk_records = r.talk_records + EXCLUDED.talk_records,
                talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds;

  INSERT INTO call_record_rollups AS r (robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                        submission_state, review_state, has_audio, compliance_flags, records, talk_records, talk_seconds)
  SELECT robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, compliance_flags, sum(records), sum(talk_records), sum(talk_seconds)
  FROM folding GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state,
               has_audio, compliance_flags)
  DO UPDATE SET records = r.records + EXCLUDED.records, talk_records = r.talk_records + EXCLUDED.talk_records,
                talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds;

  INSERT INTO call_record_global_daily_rollups AS r (day, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                                     submission_state, review_state, has_audio, compliance_flags, records, talk_records, talk_seconds)
  SELECT day, result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, compliance_flags, sum(records), sum(talk_records), sum(talk_seconds)
  FROM folding GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (day, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio,
               compliance_flags)
  DO UPDATE SET records = r.records + EXCLUDED.records, talk_records = r.talk_records + EXCLUDED.talk_records,
                talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds;

  INSERT INTO call_record_global_rollups AS r (result_status, has_intent, intent_level_tag_id, intent_level_code,
                                               submission_state, review_state, has_audio, compliance_flags, records, talk_records, talk_seconds)
  SELECT result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, compliance_flags, sum(records), sum(talk_records), sum(talk_seconds)
  FROM folding GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio, compliance_flags)
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

  -- Calls that arrived can only widen a job's range; where a start time left
  -- a job (deleted, moved, re-timed) its range is read again from the records,
  -- two probes of the (job, start_time) index.
  UPDATE call_record_job_totals t
  SET first_call = LEAST(t.first_call, b.first_call), last_call = GREATEST(t.last_call, b.last_call)
  FROM (SELECT robot_call_job_id, min(first_call) AS first_call, max(last_call) AS last_call
        FROM folding_bounds GROUP BY 1 HAVING NOT bool_or(recheck)) b
  WHERE t.robot_call_job_id = b.robot_call_job_id;
  UPDATE call_record_job_totals t
  SET first_call = (SELECT c.start_time FROM call_records c WHERE c.robot_call_job_id = t.robot_call_job_id AND c.start_time IS NOT NULL
                    ORDER BY c.start_time, c.id LIMIT 1),
      last_call = (SELECT c.start_time FROM call_records c WHERE c.robot_call_job_id = t.robot_call_job_id AND c.start_time IS NOT NULL
                   ORDER BY c.start_time DESC, c.id DESC LIMIT 1)
  WHERE t.robot_call_job_id IN (SELECT robot_call_job_id FROM folding_bounds WHERE recheck);

  DELETE FROM call_record_daily_rollups WHERE records = 0;
  DELETE FROM call_record_rollups WHERE records = 0;
  DELETE FROM call_record_global_daily_rollups WHERE records = 0;
  DELETE FROM call_record_global_rollups WHERE records = 0;
  DELETE FROM call_record_job_totals WHERE records = 0;
  RETURN folded + bounds;
END
$$;

-- The recount of 20261204140000_rollup_key_function, over the new key.
CREATE OR REPLACE FUNCTION "call_record_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz TEXT := (SELECT time_zone FROM call_record_rollup_settings WHERE id = 1);
BEGIN
  LOCK TABLE call_records IN SHARE MODE;
  LOCK TABLE call_record_rollup_deltas, call_record_rollups, call_record_daily_rollups,
             call_record_global_rollups, call_record_global_daily_rollups, call_record_job_totals,
             call_record_job_bounds_deltas IN EXCLUSIVE MODE;
  DELETE FROM call_record_rollup_deltas;
  DELETE FROM call_record_rollups;
  DELETE FROM call_record_daily_rollups;
  DELETE FROM call_record_global_rollups;
  DELETE FROM call_record_global_daily_rollups;
  DELETE FROM call_record_job_totals;
  DELETE FROM call_record_job_bounds_deltas;
  INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                         submission_state, review_state, has_audio, compliance_flags, records, talk_records, talk_seconds)
  SELECT k.day, k.robot_call_job_id, k.result_status, k.has_intent, k.intent_level_tag_id, k.intent_level_code,
         c.submission_state, k.review_state, k.has_audio, k.compliance_flags, count(*), count(k.talk), COALESCE(sum(k.talk), 0)
  FROM call_records c CROSS JOIN LATERAL call_record_rollup_key(c, tz) k
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  PERFORM call_record_rollups_compact();
  PERFORM call_record_job_totals_bounds_recount();
END
$$;

-- Records flagged before this migration (another writer's bits) were counted
-- under 0: recount only then, a recount holds writers for a while.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM call_records WHERE compliance_flags <> 0) THEN
    PERFORM call_record_rollups_rebuild();
  END IF;
END
$$;

-- Every record stored so far is checked once, by the worker.
INSERT INTO "compliance_rechecks" ("reason") SELECT 'migration' WHERE EXISTS (SELECT 1 FROM "call_records");
