-- The flagged calls in the list's order: `compliance=` (any kind) pages
-- through this small index instead of walking every call by start time and
-- testing its flags. Partial, so unflagged calls cost nothing here.
CREATE INDEX "call_records_flagged_start_time_idx" ON "call_records" ("start_time" DESC, "id" DESC) WHERE ("compliance_flags" <> 0);
