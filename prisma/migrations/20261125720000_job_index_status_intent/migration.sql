-- The job index carries each record's status and intent, so a page of a job
-- filtered by status and/or intent is found in the index alone (an index-only
-- scan that tests them on its entries) instead of reading the job's records
-- one by one, scattered over the table, to test them (job + status + intent,
-- first page, at 10M records: 5,000 heap pages read → 30 index pages + the
-- page's 51 rows).
--
-- INCLUDE columns rather than a second (job, status, …) index: the table
-- already writes 13 indexes per row, and this one serves job + status,
-- job + intent and job + status + intent for no extra index entry per write.
-- Updates of status or intent were never HOT (both have indexes of their own).
DROP INDEX "call_records_job_start_time_idx";
CREATE INDEX "call_records_job_start_time_idx" ON "call_records" ("robot_call_job_id", "start_time" DESC, "id" DESC)
  INCLUDE ("result_status", "intent_level_tag_id", "intent_level_code");
