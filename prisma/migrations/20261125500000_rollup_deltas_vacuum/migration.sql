-- The deltas table is emptied every few seconds: without frequent vacuums it
-- keeps its dead pages, and every read that adds the pending deltas scans
-- them (an empty table of 7,776 pages took 73 ms). The compactor vacuums it
-- after each fold; autovacuum is told to as well.
ALTER TABLE "call_record_rollup_deltas" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000);
