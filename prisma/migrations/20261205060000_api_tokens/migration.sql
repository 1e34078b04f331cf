-- The public REST API (/api/v1): personal access tokens, named ingest tokens,
-- idempotency keys of POST /submissions and the per-token rate limit. Tokens
-- are stored as SHA-256 hashes only (they are 256 random bits: a slow hash
-- adds nothing); `hint` is the last four characters, to tell tokens apart.

CREATE TABLE "api_tokens" (
    "id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "hint" TEXT NOT NULL,
    "read_only" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" ("token_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" ("user_id");
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ingest_tokens" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "hint" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "ingest_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ingest_tokens_name_key" ON "ingest_tokens" ("name");
CREATE UNIQUE INDEX "ingest_tokens_token_hash_key" ON "ingest_tokens" ("token_hash");

-- POST /submissions with an Idempotency-Key: the first answer, replayed for 24 hours.
CREATE TABLE "api_idempotency_keys" (
    "token_id" BIGINT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "status" INTEGER,
    "response" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_idempotency_keys_pkey" PRIMARY KEY ("token_id", "key")
);
CREATE INDEX "api_idempotency_keys_created_at_idx" ON "api_idempotency_keys" ("created_at");
ALTER TABLE "api_idempotency_keys" ADD CONSTRAINT "api_idempotency_keys_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Requests per token per fixed window, shared by every web instance.
CREATE TABLE "api_rate_windows" (
    "token_id" BIGINT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "api_rate_windows_pkey" PRIMARY KEY ("token_id", "window_start")
);
CREATE INDEX "api_rate_windows_window_start_idx" ON "api_rate_windows" ("window_start");
ALTER TABLE "api_rate_windows" ADD CONSTRAINT "api_rate_windows_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The named ingest token a record last came through (NULL: INGEST_TOKEN, import or seed).
-- No default: adding the column rewrites nothing.
ALTER TABLE "call_records" ADD COLUMN "source_name" TEXT;
