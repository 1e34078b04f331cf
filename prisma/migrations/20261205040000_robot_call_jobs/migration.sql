-- Names for robot call jobs. Operators think in job names, vendors send bare
-- ids: a supervisor names a job on its page (or the vendor's optional
-- robot_call_job_name sets it on ingest when none is set). One row per named
-- job, read only on the jobs side (a page's jobs, the job picker, an export's
-- lookup): never a column of call_records, so no list of records scans it.
CREATE TABLE "robot_call_jobs" (
    "robot_call_job_id" BIGINT NOT NULL,
    "name" TEXT,
    "creditor" TEXT,
    "note" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" BIGINT,

    CONSTRAINT "robot_call_jobs_pkey" PRIMARY KEY ("robot_call_job_id")
);
