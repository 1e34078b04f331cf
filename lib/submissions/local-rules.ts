import { Prisma } from "../db/client";

/**
 * TOP's field rules that can be checked before sending: a record that breaks
 * them would only be rejected. Kept as SQL so that a pre-submit check over a
 * million records is one query.
 */
export const LOCAL_RULES: { code: string; message: string; violated: Prisma.Sql }[] = [
  {
    code: "end_before_start",
    message: "end_time is before start_time",
    // A supervisor's correction of either time was validated on the record as sent (lib/corrections): it fixes this.
    violated: Prisma.sql`(r.end_time IS NOT NULL AND r.start_time IS NOT NULL AND r.end_time < r.start_time
      AND NOT EXISTS (SELECT 1 FROM call_record_corrections x WHERE x.record_id = r.id AND x.fields && ARRAY['start_time', 'end_time']))`,
  },
  {
    code: "negative_duration",
    message: "chat_duration is negative",
    violated: Prisma.sql`(r.chat_duration IS NOT NULL AND r.chat_duration < 0)`,
  },
];

export const VIOLATES_LOCAL_RULES = Prisma.sql`(${Prisma.join(
  LOCAL_RULES.map((r) => r.violated),
  " OR ",
)})`;
