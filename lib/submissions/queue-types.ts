import type { TopCallResult } from "../top/client";
import type { RecordForSubmission } from "./dto";

/** A job a worker has claimed: the record as it will be sent, and the attempt it is. */
export interface ClaimedJob {
  jobId: bigint;
  batchId: bigint;
  recordId: bigint;
  attempt: number;
  record: RecordForSubmission;
}

/** One HTTP call to TOP and when it was sent and answered. */
export type AnsweredCall = TopCallResult & { sentAt: Date; answeredAt: Date };
