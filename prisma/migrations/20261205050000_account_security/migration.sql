-- Account self-service and second factor.
-- must_change_password: set for accounts an admin created or reset, cleared
-- when their owner picks a password. reset_token_hash: SHA-256 of the one
-- active set-password link (an admin's reset); the link works once, until
-- reset_expires_at. totp_*: the TOTP secret once enrolment is confirmed
-- (totp_enabled_at), and the last time step accepted, so a code is not
-- accepted twice.
ALTER TABLE "users"
    ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "password_changed_at" TIMESTAMPTZ(3),
    ADD COLUMN "reset_token_hash" CHAR(64),
    ADD COLUMN "reset_expires_at" TIMESTAMPTZ(3),
    ADD COLUMN "totp_secret" TEXT,
    ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3),
    ADD COLUMN "totp_last_step" BIGINT;
CREATE UNIQUE INDEX "users_reset_token_hash_key" ON "users" ("reset_token_hash");

-- Sessions say where and when they were used (the account page lists them),
-- when their owner last proved who they are (recent authentication for
-- sensitive actions), and whether the second factor is still owed.
ALTER TABLE "sessions"
    ADD COLUMN "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "authenticated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "address" TEXT,
    ADD COLUMN "user_agent" TEXT,
    ADD COLUMN "pending_second_factor" BOOLEAN NOT NULL DEFAULT false;

-- One-time recovery codes: only their SHA-256 (they carry 80 random bits).
CREATE TABLE "recovery_codes" (
    "id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "recovery_codes_user_id_code_hash_key" ON "recovery_codes" ("user_id", "code_hash");
