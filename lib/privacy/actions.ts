"use server";

import { z } from "zod";
import { ActionError, defineAction } from "../actions/wrapper";
import { auditBy } from "../audit/mutations";
import { prisma } from "../db/client";
import { int64IdSchema } from "../input/schema";

/** A supervisor sees one record's full number and name, for a stated reason; the reveal is on the audit trail. */
export const revealContact = defineAction({
  name: "privacy.revealContact",
  permission: "pii:reveal",
  recentAuth: true,
  input: z.object({
    callRecordId: int64IdSchema,
    reason: z.string().trim().min(5, "say why (at least 5 characters)").max(500),
  }),
  handler: async ({ callRecordId, reason }, { user }) => {
    const record = await prisma.callRecord.findUnique({
      where: { callRecordId: BigInt(callRecordId) },
      select: { calledPhoneNumber: true, name: true },
    });
    if (!record) throw new ActionError("not_found", `No call record ${callRecordId}.`);
    await auditBy(user, "pii.reveal", `call:${callRecordId}`, { reason });
    return { calledPhoneNumber: record.calledPhoneNumber, name: record.name };
  },
});
