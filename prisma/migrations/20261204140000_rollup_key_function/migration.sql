-- A record's rollup dimensions and talk measure, written once. The delta
-- trigger (its three branches), the recount and the in-flight overlay of the
-- readers (lib/call-records/in-flight.ts) each spelled them out before: five
-- copies that had to agree exactly, or the counts drift. A set-returning SQL
-- function of one SELECT is inlined by the planner, so the statements plan as
-- they did with the expressions written in place.
--
-- Every dimension but the submission state, which the overlay varies.
CREATE FUNCTION "call_record_rollup_key"(r call_records, tz text)
RETURNS TABLE (day date, robot_call_job_id bigint, result_status text, has_intent boolean, intent_level_tag_id bigint,
               intent_level_code integer, review_state review_state, has_audio boolean, talk integer)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE((r.start_time AT TIME ZONE tz)::date, 'infinity'::date),
         r.robot_call_job_id,
         COALESCE(r.result_status, ''),
         (r.intent_level_tag_id IS NOT NULL AND r.intent_level_code IS NOT NULL),
         CASE WHEN r.intent_level_tag_id IS NOT NULL AND r.intent_level_code IS NOT NULL THEN r.intent_level_tag_id ELSE 0 END,
         CASE WHEN r.intent_level_tag_id IS NOT NULL AND r.intent_level_code IS NOT NULL THEN r.intent_level_code ELSE 0 END,
         r.review_state,
         r.full_audio_url IS NOT NULL,
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
                                           submission_state, review_state, has_audio, records, talk_records, talk_seconds)
    SELECT k.day, k.robot_call_job_id, k.result_status, k.has_intent, k.intent_level_tag_id, k.intent_level_code,
           n.submission_state, k.review_state, k.has_audio, count(*), count(k.talk), COALESCE(sum(k.talk), 0)
    FROM new_rows n CROSS JOIN LATERAL call_record_rollup_key(n, tz) k
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                           submission_state, review_state, has_audio, records, talk_records, talk_seconds)
    SELECT k.day, k.robot_call_job_id, k.result_status, k.has_intent, k.intent_level_tag_id, k.intent_level_code,
           o.submission_state, k.review_state, k.has_audio, -count(*), -count(k.talk), -COALESCE(sum(k.talk), 0)
    FROM old_rows o CROSS JOIN LATERAL call_record_rollup_key(o, tz) k
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  ELSE
    INSERT INTO call_record_rollup_deltas (day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code,
                                           submission_state, review_state, has_audio, records, talk_records, talk_seconds)
    SELECT m.day, m.robot_call_job_id, m.result_status, m.has_intent, m.intent_level_tag_id, m.intent_level_code,
           m.submission_state, m.review_state, m.has_audio,
           sum(m.sign), COALESCE(sum(m.sign) FILTER (WHERE m.talk IS NOT NULL), 0), COALESCE(sum(m.sign * m.talk), 0)
    FROM (SELECT k.*, n.submission_state, 1 AS sign FROM new_rows n CROSS JOIN LATERAL call_record_rollup_key(n, tz) k
          UNION ALL
          SELECT k.*, o.submission_state, -1 FROM old_rows o CROSS JOIN LATERAL call_record_rollup_key(o, tz) k) m
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    -- An update that moves nothing (a review note, a re-push of the same content) leaves no delta.
    HAVING sum(m.sign) <> 0 OR COALESCE(sum(m.sign) FILTER (WHERE m.talk IS NOT NULL), 0) <> 0 OR COALESCE(sum(m.sign * m.talk), 0) <> 0;
  END IF;
  RETURN NULL;
END
$$;

-- The recount, as in 20261125610000_job_call_bounds, over the same key.
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
  SELECT k.day, k.robot_call_job_id, k.result_status, k.has_intent, k.intent_level_tag_id, k.intent_level_code,
         c.submission_state, k.review_state, k.has_audio, count(*), count(k.talk), COALESCE(sum(k.talk), 0)
  FROM call_records c CROSS JOIN LATERAL call_record_rollup_key(c, tz) k
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  PERFORM call_record_rollups_compact();
  PERFORM call_record_job_totals_bounds_recount();
END
$$;
