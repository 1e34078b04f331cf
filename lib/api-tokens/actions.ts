"use server";

import { ActionError, defineAction } from "../actions/wrapper";
import { orRefuse } from "../actions/refusals";
import { auditBy } from "../audit/mutations";
import { audited } from "../actions/audited";
import { can } from "../auth/permissions";
import { createIngestToken, createPersonalToken, revokeIngestToken, revokePersonalToken } from "./mutations";
import { createTokenSchema, ingestTokenCreateSchema, tokenRefSchema } from "./schema";

const notYours = () => new ActionError("not_found", "No such active token of yours.");
const noIngestToken = () => new ActionError("not_found", "No such active ingest token.");
const ingestNameTaken = (name: string) =>
  new ActionError("name_taken", `There is already an ingest token named “${name}”.`);

/** Any signed-in user makes tokens for themselves; the token is in the answer only. */
export const createApiToken = defineAction({
  name: "tokens.create",
  permission: "calls:read",
  input: createTokenSchema,
  recentAuth: true,
  handler: async (input, { user }) => {
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const { id, token } = await createPersonalToken({
      userId: user.id,
      name: input.name,
      readOnly: input.readOnly,
      expiresAt,
    });
    await auditBy(user, "token.create", `token:${id}`, { name: input.name, readOnly: input.readOnly, expiresAt });
    return { id: id.toString(), token };
  },
});

/** Owners revoke their own tokens; admins anyone's. */
export const revokeApiToken = defineAction({
  name: "tokens.revoke",
  permission: "calls:read",
  input: tokenRefSchema,
  handler: async ({ tokenId }, { user }) => {
    const owner = can(user.role, "users:manage") ? null : user.id;
    const { name, ownerId } = orRefuse(await revokePersonalToken(BigInt(tokenId), owner), notYours);
    return audited({ revoked: true }, user, "token.revoke", `token:${tokenId}`, { name, ownerId });
  },
});

export const createSourceToken = defineAction({
  name: "tokens.createIngest",
  permission: "users:manage",
  input: ingestTokenCreateSchema,
  handler: async ({ name }, { user }) => {
    const created = orRefuse(await createIngestToken({ name, createdBy: user.email }), () => ingestNameTaken(name));
    const answer = { id: created.id.toString(), token: created.token };
    return audited(answer, user, "ingest_token.create", `ingest_token:${created.id}`, { name });
  },
});

export const revokeSourceToken = defineAction({
  name: "tokens.revokeIngest",
  permission: "users:manage",
  input: tokenRefSchema,
  handler: async ({ tokenId }, { user }) => {
    const { name } = orRefuse(await revokeIngestToken(BigInt(tokenId)), noIngestToken);
    return audited({ revoked: true }, user, "ingest_token.revoke", `ingest_token:${tokenId}`, { name });
  },
});
