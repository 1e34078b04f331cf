-- Transcripts (the console's own ingest extension, never sent to TOP) and
-- phrase rules checked against them.
--
-- One row per record: the utterances as sent (JSONB, in order), and their
-- text joined for the list's text search (q=), served by a trigram index like
-- the name and number searches. A re-push that carries `transcript` replaces
-- the row; content_hash lets an identical re-push leave it untouched.
CREATE TABLE "call_transcripts" (
    "record_id" BIGINT NOT NULL,
    "utterances" JSONB NOT NULL,
    "search_text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_transcripts_pkey" PRIMARY KEY ("record_id")
);

ALTER TABLE "call_transcripts" ADD CONSTRAINT "call_transcripts_record_id_fkey"
    FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX "call_transcripts_search_text_trgm_idx" ON "call_transcripts" USING gin ("search_text" gin_trgm_ops);

-- Phrase rules, as data an admin edits on /admin/phrase-rules. A required
-- phrase must be said in every call of its jobs; a prohibited one must never
-- be. `job_ids` empty means every job. Patterns are plain text or a regular
-- expression that lib/transcripts/safe-pattern.ts accepted (bounded, no
-- nested quantifiers, no back-references).
CREATE TABLE "phrase_rules" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "is_regex" BOOLEAN NOT NULL DEFAULT false,
    "speaker" TEXT NOT NULL DEFAULT 'any',
    "job_ids" BIGINT[] NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "phrase_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "phrase_rules_kind_check" CHECK ("kind" IN ('required', 'prohibited')),
    CONSTRAINT "phrase_rules_speaker_check" CHECK ("speaker" IN ('robot', 'callee', 'any'))
);
