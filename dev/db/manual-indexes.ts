/**
 * Indexes that schema.prisma cannot express (partial indexes, trigram GIN), created by the
 * migrations. The drift test expects exactly these, with exactly these
 * definitions, in addition to what the schema declares.
 */
export const MANUAL_INDEXES: Record<string, { table: string; definition: string }> = {
  // Scorecards: one unarchived default; scored reviews by time; scored records for minScore/maxScore.
  scorecards_one_default_idx: {
    table: "scorecards",
    definition:
      "CREATE UNIQUE INDEX scorecards_one_default_idx ON public.scorecards USING btree (is_default) WHERE (is_default AND (archived_at IS NULL))",
  },
  reviews_scored_created_at_idx: {
    table: "reviews",
    definition:
      "CREATE INDEX reviews_scored_created_at_idx ON public.reviews USING btree (created_at) WHERE (score IS NOT NULL)",
  },
  call_records_review_score_idx: {
    table: "call_records",
    definition:
      "CREATE INDEX call_records_review_score_idx ON public.call_records USING btree (review_score, id) WHERE (review_score IS NOT NULL)",
  },
  // The flagged calls by start time (compliance=): a partial index.
  call_records_flagged_start_time_idx: {
    table: "call_records",
    definition:
      "CREATE INDEX call_records_flagged_start_time_idx ON public.call_records USING btree (start_time DESC, id DESC) WHERE (compliance_flags <> 0)",
  },
  submission_jobs_one_active_per_record: {
    table: "submission_jobs",
    definition:
      "CREATE UNIQUE INDEX submission_jobs_one_active_per_record ON public.submission_jobs USING btree (record_id) WHERE (state = ANY (ARRAY['queued'::job_state, 'in_flight'::job_state, 'retrying'::job_state]))",
  },
  submission_jobs_ready_idx: {
    table: "submission_jobs",
    definition:
      "CREATE INDEX submission_jobs_ready_idx ON public.submission_jobs USING btree (batch_id, next_attempt_at, id) WHERE (state = ANY (ARRAY['queued'::job_state, 'retrying'::job_state]))",
  },
  submission_jobs_lease_idx: {
    table: "submission_jobs",
    definition:
      "CREATE INDEX submission_jobs_lease_idx ON public.submission_jobs USING btree (lease_until) WHERE (state = 'in_flight'::job_state)",
  },
  submission_jobs_leased_idx: {
    table: "submission_jobs",
    definition:
      "CREATE INDEX submission_jobs_leased_idx ON public.submission_jobs USING btree (lease_until) WHERE (lease_until IS NOT NULL)",
  },
  // BRIN (schema.prisma cannot say so portably): the last minute of an append-only ledger, for a batch's throughput.
  submission_attempts_answered_at_brin: {
    table: "submission_attempts",
    definition:
      "CREATE INDEX submission_attempts_answered_at_brin ON public.submission_attempts USING brin (answered_at)",
  },
  audio_archives_ready_idx: {
    table: "audio_archives",
    definition:
      "CREATE INDEX audio_archives_ready_idx ON public.audio_archives USING btree (next_attempt_at, record_id) WHERE (state = ANY (ARRAY['queued'::audio_archive_state, 'retrying'::audio_archive_state]))",
  },
  audio_archives_lease_idx: {
    table: "audio_archives",
    definition:
      "CREATE INDEX audio_archives_lease_idx ON public.audio_archives USING btree (lease_until) WHERE (state = 'in_flight'::audio_archive_state)",
  },
  call_record_rollups_empty_idx: {
    table: "call_record_rollups",
    definition:
      "CREATE INDEX call_record_rollups_empty_idx ON public.call_record_rollups USING btree (robot_call_job_id) WHERE (records = 0)",
  },
  call_record_daily_rollups_empty_idx: {
    table: "call_record_daily_rollups",
    definition:
      "CREATE INDEX call_record_daily_rollups_empty_idx ON public.call_record_daily_rollups USING btree (day) WHERE (records = 0)",
  },
  // INCLUDE columns (schema.prisma has no syntax for them): a page of a job by status and intent, and a job's
  // hour-of-day and talk-time charts, from the index alone.
  call_records_job_start_time_idx: {
    table: "call_records",
    definition:
      "CREATE INDEX call_records_job_start_time_idx ON public.call_records USING btree (robot_call_job_id, start_time DESC, id DESC) INCLUDE (result_status, intent_level_tag_id, intent_level_code, chat_duration)",
  },
  call_records_name_trgm_idx: {
    table: "call_records",
    definition: "CREATE INDEX call_records_name_trgm_idx ON public.call_records USING gin (name gin_trgm_ops)",
  },
  call_records_called_phone_number_trgm_idx: {
    table: "call_records",
    definition:
      "CREATE INDEX call_records_called_phone_number_trgm_idx ON public.call_records USING gin (called_phone_number gin_trgm_ops)",
  },
  call_record_global_rollups_empty_idx: {
    table: "call_record_global_rollups",
    definition:
      "CREATE INDEX call_record_global_rollups_empty_idx ON public.call_record_global_rollups USING btree (result_status) WHERE (records = 0)",
  },
  call_record_global_daily_rollups_empty_idx: {
    table: "call_record_global_daily_rollups",
    definition:
      "CREATE INDEX call_record_global_daily_rollups_empty_idx ON public.call_record_global_daily_rollups USING btree (day) WHERE (records = 0)",
  },
  call_record_job_totals_empty_idx: {
    table: "call_record_job_totals",
    definition:
      "CREATE INDEX call_record_job_totals_empty_idx ON public.call_record_job_totals USING btree (robot_call_job_id) WHERE (records = 0)",
  },
  call_records_review_start_time_idx: {
    table: "call_records",
    definition:
      "CREATE INDEX call_records_review_start_time_idx ON public.call_records USING btree (review_state, start_time DESC, id DESC) WHERE (review_state <> 'unreviewed'::review_state)",
  },
  call_records_reviewer_start_time_idx: {
    table: "call_records",
    definition:
      "CREATE INDEX call_records_reviewer_start_time_idx ON public.call_records USING btree (reviewed_by_id, start_time DESC, id DESC) WHERE (reviewed_by_id IS NOT NULL)",
  },
  // Retention (20261207600000_retention_legal_holds): the rows a run still has to look at, oldest first.
  call_records_personal_data_due_idx: {
    table: "call_records",
    definition:
      "CREATE INDEX call_records_personal_data_due_idx ON public.call_records USING btree (received_at, id) WHERE (personal_data_removed_at IS NULL)",
  },
  submission_attempts_params_due_idx: {
    table: "submission_attempts",
    definition:
      "CREATE INDEX submission_attempts_params_due_idx ON public.submission_attempts USING btree (sent_at, id) WHERE (params_removed_at IS NULL)",
  },
  audio_archives_file_due_idx: {
    table: "audio_archives",
    definition:
      "CREATE INDEX audio_archives_file_due_idx ON public.audio_archives USING btree (archived_at, record_id) WHERE (file_name IS NOT NULL)",
  },
  retention_runs_one_daily_idx: {
    table: "retention_runs",
    definition:
      "CREATE UNIQUE INDEX retention_runs_one_daily_idx ON public.retention_runs USING btree (day) WHERE (kind = 'daily'::text)",
  },
  // Trigram GIN: the list's text search (q=) also matches what was said in the call.
  call_transcripts_search_text_trgm_idx: {
    table: "call_transcripts",
    definition:
      "CREATE INDEX call_transcripts_search_text_trgm_idx ON public.call_transcripts USING gin (search_text gin_trgm_ops)",
  },
};
