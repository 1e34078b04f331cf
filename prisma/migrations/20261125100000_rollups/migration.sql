-- Rollup counts of call_records, kept current on every write, so that facet
-- counts, the jobs overview and the dashboard never GROUP BY millions of rows.
--
-- How it stays exact without hot rows: a statement-level trigger on
-- call_records appends the statement's net change, grouped by the rollup
-- dimensions, to call_record_rollup_deltas in the same transaction as the
-- write. A compactor (lib/call-records/rollups.ts) folds the deltas into the
-- two rollup tables every few seconds. Readers sum rollup + pending deltas,
-- so a count is exact the moment the write commits. Appending instead of
-- updating shared counters keeps concurrent writers (64 submission workers
-- settling records of the same job) from queueing on the same rows.
--
-- Dimensions hold no NULLs so they can form a primary key:
--   day               start day in call_record_rollup_settings.time_zone; 'infinity' when start_time is NULL
--   result_status     '' when NULL
--   has_intent        intent_level_tag_id and intent_level_code both present; tag and code are 0 otherwise
--   has_audio         full_audio_url IS NOT NULL
-- Measures: records; talk_records / talk_seconds over ANSWERED calls with a chat_duration.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "call_record_rollup_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "time_zone" TEXT NOT NULL,

    CONSTRAINT "call_record_rollup_settings_pkey" PRIMARY KEY ("id")
);
INSERT INTO "call_record_rollup_settings" ("id", "time_zone") VALUES (1, 'Asia/Shanghai');

CREATE TABLE "call_record_rollups" (
    "robot_call_job_id" BIGINT NOT NULL,
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

    CONSTRAINT "call_record_rollups_pkey" PRIMARY KEY ("robot_call_job_id", "result_status", "has_intent", "intent_level_tag_id", "intent_level_code", "submission_state", "review_state", "has_audio")
);

CREATE TABLE "call_record_daily_rollups" (
    "day" DATE NOT NULL,
    "robot_call_job_id" BIGINT NOT NULL,
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

    CONSTRAINT "call_record_daily_rollups_pkey" PRIMARY KEY ("day", "robot_call_job_id", "result_status", "has_intent", "intent_level_tag_id", "intent_level_code", "submission_state", "review_state", "has_audio")
);
CREATE INDEX "call_record_daily_rollups_job_day_idx" ON "call_record_daily_rollups"("robot_call_job_id", "day");

CREATE TABLE "call_record_rollup_deltas" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "robot_call_job_id" BIGINT NOT NULL,
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

    CONSTRAINT "call_record_rollup_deltas_pkey" PRIMARY KEY ("id")
);

-- Groups that dropped to zero are removed by the compactor through these.
CREATE INDEX "call_record_rollups_empty_idx" ON "call_record_rollups" ("robot_call_job_id") WHERE ("records" = 0);
CREATE INDEX "call_record_daily_rollups_empty_idx" ON "call_record_daily_rollups" ("day") WHERE ("records" = 0);

-- The dashboard's "received in the last 24 h" and "last received".
CREATE INDEX "call_records_received_at_idx" ON "call_records"("received_at");

-- Free text over name and called number (`q=`): substring search through trigrams.
CREATE INDEX "call_records_name_trgm_idx" ON "call_records" USING gin ("name" gin_trgm_ops);
CREATE INDEX "call_records_called_phone_number_trgm_idx" ON "call_records" USING gin ("called_phone_number" gin_trgm_ops);

-- One function for the three events: each passes the transition tables it
-- has (an UPDATE both), signed +1 for rows that arrive in a group and -1 for
-- rows that leave one. Groups whose net change is zero append nothing, so a
-- bookkeeping update that moves no record between groups adds no delta.
CREATE FUNCTION "call_records_rollup_delta"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz TEXT := (SELECT time_zone FROM call_record_rollup_settings WHERE id = 1);
  side TEXT := 'SELECT COALESCE((start_time AT TIME ZONE $1)::date, ''infinity''::date) AS day,
                       robot_call_job_id,
                       COALESCE(result_status, '''') AS result_status,
                       (intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL) AS has_intent,
                       CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_tag_id ELSE 0 END AS intent_level_tag_id,
                       CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_code ELSE 0 END AS intent_level_code,
                       submission_state, review_state,
                       full_audio_url IS NOT NULL AS has_audio,
                       %s AS sign,
                       CASE WHEN result_status = ''ANSWERED'' THEN chat_duration END AS talk
                FROM %I';
  source TEXT;
BEGIN
  source := CASE TG_OP
    WHEN 'INSERT' THEN format(side, '1', 'new_rows')
    WHEN 'DELETE' THEN format(side, '-1', 'old_rows')
    ELSE format(side, '1', 'new_rows') || ' UNION ALL ' || format(side, '-1', 'old_rows')
  END;
  EXECUTE format(
    'INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                            submission_state, review_state, has_audio, records, talk_records, talk_seconds)
     SELECT day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
            submission_state, review_state, has_audio,
            sum(sign), COALESCE(sum(sign) FILTER (WHERE talk IS NOT NULL), 0), COALESCE(sum(sign * talk), 0)
     FROM (%s) moved
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
     HAVING sum(sign) <> 0 OR COALESCE(sum(sign) FILTER (WHERE talk IS NOT NULL), 0) <> 0 OR COALESCE(sum(sign * talk), 0) <> 0',
    source) USING tz;
  RETURN NULL;
END
$$;

-- A trigger with transition tables takes one event, hence three.
CREATE TRIGGER "call_records_rollup_insert" AFTER INSERT ON "call_records"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "call_records_rollup_delta"();
CREATE TRIGGER "call_records_rollup_update" AFTER UPDATE ON "call_records"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "call_records_rollup_delta"();
CREATE TRIGGER "call_records_rollup_delete" AFTER DELETE ON "call_records"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "call_records_rollup_delta"();

-- Recounts both rollups from call_records in the settings' time zone (after
-- a change of DISPLAY_TIME_ZONE, and once here for the records that exist).
-- Writers wait meanwhile: the table lock keeps the recount and the deltas
-- consistent.
CREATE FUNCTION "call_record_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz TEXT := (SELECT time_zone FROM call_record_rollup_settings WHERE id = 1);
BEGIN
  LOCK TABLE call_records IN SHARE MODE;
  LOCK TABLE call_record_rollup_deltas, call_record_rollups, call_record_daily_rollups IN EXCLUSIVE MODE;
  DELETE FROM call_record_rollup_deltas;
  DELETE FROM call_record_rollups;
  DELETE FROM call_record_daily_rollups;
  INSERT INTO call_record_daily_rollups (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
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
  INSERT INTO call_record_rollups (robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                   submission_state, review_state, has_audio, records, talk_records, talk_seconds)
  SELECT robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
         submission_state, review_state, has_audio, sum(records), sum(talk_records), sum(talk_seconds)
  FROM call_record_daily_rollups
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END
$$;

SELECT "call_record_rollups_rebuild"();

-- Folds the pending deltas into both rollups and drops groups that reached
-- zero; returns how many deltas it folded. One compactor at a time (a second
-- caller returns 0 at once); readers stay exact throughout, since a delta is
-- either still in the deltas table or already in the rollups when they look.
CREATE FUNCTION "call_record_rollups_compact"() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  folded BIGINT;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('call_record_rollups_compact')) THEN
    RETURN 0;
  END IF;
  WITH d AS (
    DELETE FROM call_record_rollup_deltas RETURNING *
  ), daily AS (
    INSERT INTO call_record_daily_rollups AS r (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                                submission_state, review_state, has_audio, records, talk_records, talk_seconds)
    SELECT day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
           submission_state, review_state, has_audio, sum(records), sum(talk_records), sum(talk_seconds)
    FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio)
    DO UPDATE SET records = r.records + EXCLUDED.records, talk_records = r.talk_records + EXCLUDED.talk_records,
                  talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds
    RETURNING 1
  ), total AS (
    INSERT INTO call_record_rollups AS r (robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                          submission_state, review_state, has_audio, records, talk_records, talk_seconds)
    SELECT robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
           submission_state, review_state, has_audio, sum(records), sum(talk_records), sum(talk_seconds)
    FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio)
    DO UPDATE SET records = r.records + EXCLUDED.records, talk_records = r.talk_records + EXCLUDED.talk_records,
                  talk_seconds = r.talk_seconds + EXCLUDED.talk_seconds
    RETURNING 1
  )
  -- Data-modifying CTEs run to completion whether or not they are read.
  SELECT count(*) FROM d INTO folded;
  DELETE FROM call_record_daily_rollups WHERE records = 0;
  DELETE FROM call_record_rollups WHERE records = 0;
  RETURN folded;
END
$$;
