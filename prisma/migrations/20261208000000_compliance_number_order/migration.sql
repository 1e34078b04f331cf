-- The contact-frequency check reads a number's nearest calls before and after a
-- call in (start_time, id) order, a bounded number of them: the id in the index
-- keeps that a range read even when many calls share a start time.
CREATE INDEX "call_records_called_phone_number_start_time_id_idx" ON "call_records" ("called_phone_number", "start_time", "id");
DROP INDEX "call_records_called_phone_number_start_time_idx";
