-- A recheck says what it reruns: the hours, frequency and anomaly checks
-- ('checks': their settings or a job's calling window changed), the phrase
-- rules over stored transcripts ('phrases': a rule changed), or both ('all').
-- A phrase rule change need not rerun the frequency check on every record.
ALTER TABLE "compliance_rechecks" ADD COLUMN "scope" TEXT NOT NULL DEFAULT 'all',
  ADD CONSTRAINT "compliance_rechecks_scope_check" CHECK ("scope" IN ('all', 'checks', 'phrases'));
