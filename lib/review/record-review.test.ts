import { describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { sessionFor } from "../auth/test-session";
import type { SessionUser } from "../auth/sessions";
import { prisma } from "../db/client";
import { getRecordReview, getReviewItem, reasonLabels } from "./data";
import { addComment, submitVerdict } from "./mutations";
import en from "../i18n/messages/en/review.json";
import zh from "../i18n/messages/zh/review.json";

describe("a flagged record's review, as its page shows it to everyone who can see the record", () => {
  it("has the verdict's reason codes (with labels for each), its notes and the recording's comments", async () => {
    const id = 734_000_000_001n;
    await ingestCallRecords(
      [{ call_record_id: id.toString(), robot_call_job_id: "7340000000000001", result_status: "ANSWERED" }],
      { source: "seed" },
    );
    const s = await sessionFor("reviewer");
    const u = await prisma.user.findUniqueOrThrow({ where: { id: s.userId } });
    const user = { id: u.id, email: u.email, name: u.name, role: "reviewer" } as SessionUser;
    await addComment(user, { callRecordId: id, positionMs: 12_000, body: "debtor disputes the amount" });
    await submitVerdict(user, {
      callRecordId: id,
      verdict: "flagged",
      reasons: ["wrong_intent", "compliance"],
      notes: "robot misheard",
    });

    const record = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } });
    const review = await getRecordReview(record.id, record.reviewState);
    expect(review).toMatchObject({
      verdict: "flagged",
      reasons: ["wrong_intent", "compliance"],
      notes: "robot misheard",
      reviewer: u.name,
    });
    expect(review.comments).toMatchObject([{ positionMs: 12_000, body: "debtor disputes the amount", author: u.name }]);

    // Every reason has a label: translated in both languages, or stored with the reason.
    const stored = await reasonLabels();
    for (const code of Object.keys(stored)) {
      expect(stored[code]).toBeTruthy();
      expect((en.reason as Record<string, string>)[code] ?? stored[code]).not.toBe(code);
      expect((zh.reason as Record<string, string>)[code] ?? stored[code]).not.toBe(code);
    }
    expect((await getReviewItem(id))?.jobName).toBeNull();
  });
});
