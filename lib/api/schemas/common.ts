import { z } from "zod";
import { positiveInt64IdSchema } from "../../input/schema";

/** int64 ids travel as strings (JavaScript numbers lose precision above 2^53). */
export const int64String = z
  .string()
  .regex(/^\d{1,19}$/)
  .meta({ description: "int64, as a string" });
export const idParam = positiveInt64IdSchema();
export const dateTime = z.iso.datetime({ offset: true });
export const total = z.strictObject({
  value: z.number().int().nonnegative(),
  exact: z.boolean().meta({ description: "false: the database's estimate (over 10,000 matches)" }),
});

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
export const str = (v: bigint | number | null | undefined): string | null =>
  v === null || v === undefined ? null : v.toString();
