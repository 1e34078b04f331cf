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

-- One attempt from a client address (its rate-limit key) in the sliding
-- minute: records it and answers how many the minute holds, this one
-- included. The advisory lock makes concurrent attempts from one address
-- count one after the other (each statement in here reads what the previous
-- holder committed), in a single statement, so no transaction has to be held
-- open from the application while waiting.
CREATE FUNCTION sign_in_count_address(p_key text) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  n integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('sign_in_attempts:' || p_key));
  DELETE FROM sign_in_attempts WHERE at < now() - interval '1 minute';
  INSERT INTO sign_in_attempts (key) VALUES (p_key);
  SELECT count(*)::int INTO n FROM sign_in_attempts WHERE key = p_key AND at >= now() - interval '1 minute';
  RETURN n;
END
$$;
