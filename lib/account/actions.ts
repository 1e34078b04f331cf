"use server";

import { z } from "zod";
import { ActionError, defineAction } from "../actions/wrapper";
import { clientAddress } from "../auth/current";
import { consumeSecondFactor } from "../auth/second-factor";
import type { SessionState } from "../auth/sessions";
import {
  changeOwnPassword,
  confirmTotpEnrolment,
  endOwnSessions,
  reauthenticate,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from "./mutations";
import { changePasswordInput, codeInput, reauthInput, sessionIdInput, setPasswordInput } from "./schema";

// Account actions act on the caller's own browser session; a token (no session) cannot call them.
const context = async (session: SessionState | null) => {
  if (!session) throw new ActionError("unauthenticated", "These account actions need a signed-in browser session.");
  return { sessionId: session.sessionId, address: await clientAddress() };
};

export const changePassword = defineAction({
  name: "account.changePassword",
  permission: "account:self",
  input: changePasswordInput,
  handler: async (input, { user, session }) => changeOwnPassword(user, input, await context(session)),
});

/** The first-sign-in step of accounts an admin created or reset: the password was given a moment ago. */
export const setFirstPassword = defineAction({
  name: "account.setFirstPassword",
  permission: "account:self",
  allowStep: "change_password",
  input: setPasswordInput,
  handler: async (input, { user, session }) => {
    if (session?.step !== "change_password")
      throw new ActionError("not_needed", "Change your password on the account page.");
    return changeOwnPassword(user, { next: input.next }, await context(session));
  },
});

export const startTwoFactor = defineAction({
  name: "account.startTwoFactor",
  permission: "account:self",
  allowStep: "enrol_2fa",
  input: z.object({}),
  handler: async (_input, { user }) => startTotpEnrolment(user),
});

export const confirmTwoFactor = defineAction({
  name: "account.confirmTwoFactor",
  permission: "account:self",
  allowStep: "enrol_2fa",
  input: codeInput,
  handler: async ({ code }, { user, session }) => confirmTotpEnrolment(user, code, await context(session)),
});

export const newRecoveryCodes = defineAction({
  name: "account.newRecoveryCodes",
  permission: "account:self",
  recentAuth: true,
  input: z.object({}),
  handler: async (_input, { user, session }) => regenerateRecoveryCodes(user, await context(session)),
});

export const endSession = defineAction({
  name: "account.endSession",
  permission: "account:self",
  input: sessionIdInput,
  handler: async ({ sessionId }, { user, session }) =>
    endOwnSessions(user, { sessionId: BigInt(sessionId) }, await context(session)),
});

export const endOtherSessions = defineAction({
  name: "account.endOtherSessions",
  permission: "account:self",
  input: z.object({}),
  handler: async (_input, { user, session }) => endOwnSessions(user, "others", await context(session)),
});

/** "Confirm it is you" before a sensitive action, when the last proof is older than REAUTH_MINUTES. */
export const confirmIdentity = defineAction({
  name: "account.reauthenticate",
  permission: "account:self",
  input: reauthInput,
  handler: async ({ secret }, { user, session }) => {
    await reauthenticate(user, secret, await context(session), consumeSecondFactor);
    return { confirmed: true };
  },
});
