"use server";

import { defineAction } from "../actions/wrapper";
import { saveJobName } from "./name-mutations";
import { findJobsByName } from "./names";
import { jobNameSchema, jobSearchSchema } from "./name-schema";

/** A supervisor names a job (name, creditor, note); audited. */
export const saveJobNameAction = defineAction({
  name: "jobs.saveName",
  permission: "jobs:name",
  input: jobNameSchema,
  handler: async (input, { user }) => saveJobName(input, user),
});

/** The job picker of the calls filter: jobs by name, creditor or id prefix. */
export const searchJobsAction = defineAction({
  name: "jobs.search",
  permission: "calls:read",
  input: jobSearchSchema,
  handler: async ({ q }) => findJobsByName(q),
});
