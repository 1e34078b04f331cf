-- Failed sign-ins are counted atomically in the database before the password
-- is checked (an UPDATE ... RETURNING), so concurrent guesses add up.
-- A counter forgets after a day without attempts; `failed_login_at` says when
-- it last grew.
ALTER TABLE "users" ADD COLUMN "failed_login_at" TIMESTAMPTZ(3);

-- The same counter for emails without an account, so that the answers (and
-- the lockout) do not tell whether an account exists. Rows a day old go.
CREATE TABLE "sign_in_failures" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("email")
);
CREATE INDEX "sign_in_failures_failed_at_idx" ON "sign_in_failures" ("failed_at");
