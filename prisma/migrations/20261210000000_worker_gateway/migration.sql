-- Each worker's heartbeat says which TOP gateway it sends to, so that a web
-- instance of a split deployment (which has no TOP settings of its own) shows
-- where submissions go instead of "not configured".
ALTER TABLE "submission_workers" ADD COLUMN "gateway_host" TEXT,
  ADD COLUMN "gateway_emulator" BOOLEAN NOT NULL DEFAULT false;
