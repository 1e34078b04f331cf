"use server";

import { z } from "zod";
import { defineAction } from "../actions/wrapper";
import { getEnv } from "../env";
import { requestRetentionRun } from "./mutations";

/** An admin starts a retention run now (after a confirmation in the UI); the worker does the work. */
export const runRetentionNow = defineAction({
  name: "retention.runNow",
  permission: "retention:manage",
  recentAuth: true,
  input: z.object({}),
  handler: async (_input, { user }) => requestRetentionRun(user, getEnv()),
});
