-- Sessions started through the OIDC provider: the provider answers for how its
-- users proved who they are, so such a session owes no second factor of the console's.
ALTER TABLE "sessions" ADD COLUMN "single_sign_on" BOOLEAN NOT NULL DEFAULT false;
