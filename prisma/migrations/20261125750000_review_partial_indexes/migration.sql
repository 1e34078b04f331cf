-- Reviewers listen to a sample of the calls: most records are never reviewed
-- and have no reviewer. Indexing only the reviewed ones spares every ingested
-- record two entries in indexes keyed by start time (random inserts; each such
-- index costs ~5-8% of a COPY at 10M records). Lists filtered to reviewed
-- states or to a reviewer use these; `unreviewed`, the bulk, walks the time
-- index like an unfiltered list.
DROP INDEX "call_records_review_start_time_idx";
CREATE INDEX "call_records_review_start_time_idx" ON "call_records"("review_state", "start_time" DESC, "id" DESC) WHERE "review_state" <> 'unreviewed';

DROP INDEX "call_records_reviewer_start_time_idx";
CREATE INDEX "call_records_reviewer_start_time_idx" ON "call_records"("reviewed_by_id", "start_time" DESC, "id" DESC) WHERE "reviewed_by_id" IS NOT NULL;
