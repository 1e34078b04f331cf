-- Sign-in attempts per client address over the last minute, kept in the
-- database rather than in each web process's memory: every instance of the
-- web app counts against the same limit, a restart does not reset it, and the
-- window slides (a per-minute counter let twice the limit through across a
-- minute's boundary). Rows older than a minute are deleted as new ones come.
CREATE TABLE "sign_in_attempts" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sign_in_attempts_key_at_idx" ON "sign_in_attempts" ("key", "at");
CREATE INDEX "sign_in_attempts_at_idx" ON "sign_in_attempts" ("at");
