-- First and last call of each job kept in call_record_job_totals, so the jobs
-- overview sorts and pages by last call without two index probes per job
-- (4,000 probes for 2,000 jobs on every view).
--
-- A minimum or maximum cannot be kept by adding deltas: when the call that was
-- a job's first or last leaves it, the next one is only known from the
-- records. So writes append to call_record_job_bounds_deltas (append-only,
-- like the count deltas, so concurrent writers never wait on each other):
--   first_call/last_call  the range of start times that arrived in the job;
--   recheck               a start time left the job (delete, re-push with
--                         another start_time or job).
-- The compactor widens the kept range with arrivals and reads the range again
-- from the records (two index probes) for the jobs marked recheck. Readers add
-- the pending rows the same way, so the range is exact at any moment.

-- Writers wait until the new triggers are in place and the ranges are filled.
LOCK TABLE "call_records" IN SHARE MODE;

ALTER TABLE "call_record_job_totals" ADD COLUMN "first_call" TIMESTAMPTZ(3), ADD COLUMN "last_call" TIMESTAMPTZ(3);

CREATE TABLE "call_record_job_bounds_deltas" (
    "id" BIGSERIAL NOT NULL,
    "robot_call_job_id" BIGINT NOT NULL,
    "first_call" TIMESTAMPTZ(3),
    "last_call" TIMESTAMPTZ(3),
    "recheck" BOOLEAN NOT NULL,

    CONSTRAINT "call_record_job_bounds_deltas_pkey" PRIMARY KEY ("id")
);
-- Emptied every few seconds, as the count deltas (20261125500000_rollup_deltas_vacuum).
ALTER TABLE "call_record_job_bounds_deltas" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000);

CREATE FUNCTION "call_records_job_bounds_delta"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO call_record_job_bounds_deltas (robot_call_job_id, first_call, last_call, recheck)
    SELECT robot_call_job_id, min(start_time), max(start_time), false
    FROM new_rows WHERE start_time IS NOT NULL GROUP BY 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO call_record_job_bounds_deltas (robot_call_job_id, first_call, last_call, recheck)
    SELECT robot_call_job_id, NULL, NULL, true
    FROM old_rows WHERE start_time IS NOT NULL GROUP BY 1;
  ELSE
    -- Only records whose start time or job changed; state changes (the
    -- submission worker, reviews) add nothing.
    INSERT INTO call_record_job_bounds_deltas (robot_call_job_id, first_call, last_call, recheck)
    SELECT n.robot_call_job_id, min(n.start_time), max(n.start_time), false
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.start_time IS NOT NULL
      AND (n.start_time IS DISTINCT FROM o.start_time OR n.robot_call_job_id <> o.robot_call_job_id)
    GROUP BY 1
    UNION ALL
    SELECT o.robot_call_job_id, NULL, NULL, true
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.start_time IS NOT NULL
      AND (n.start_time IS DISTINCT FROM o.start_time OR n.robot_call_job_id <> o.robot_call_job_id)
    GROUP BY 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "call_records_job_bounds_insert" AFTER INSERT ON "call_records"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "call_records_job_bounds_delta"();
CREATE TRIGGER "call_records_job_bounds_update" AFTER UPDATE ON "call_records"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "call_records_job_bounds_delta"();
CREATE TRIGGER "call_records_job_bounds_delete" AFTER DELETE ON "call_records"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "call_records_job_bounds_delta"();

-- Every job's range from the records: two index probes per job.
CREATE FUNCTION "call_record_job_totals_bounds_recount"() RETURNS void LANGUAGE sql AS $$
  UPDATE call_record_job_totals t
  SET first_call = (SELECT c.start_time FROM call_records c WHERE c.robot_call_job_id = t.robot_call_job_id AND c.start_time IS NOT NULL
                    ORDER BY c.start_time, c.id LIMIT 1),
      last_call = (SELECT c.start_time FROM call_records c WHERE c.robot_call_job_id = t.robot_call_job_id AND c.start_time IS NOT NULL
                   ORDER BY c.start_time DESC, c.id DESC LIMIT 1);
$$;

-- The compactor again: the bounds deltas folded as well; it returns both counts of deltas folded.
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

-- The recount also fills the ranges (after the fold, from the records).
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
  PERFORM call_record_job_totals_bounds_recount();
END
$$;

-- Fold what is pending, then fill every job's range.
SELECT "call_record_rollups_compact"();
SELECT "call_record_job_totals_bounds_recount"();
