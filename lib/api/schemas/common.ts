import { z } from "zod";

/** int64 ids travel as strings (JavaScript numbers lose precision above 2^53). */
export const int64String = z
  .string()
  .regex(/^\d{1,19}$/)
  .meta({ description: "int64, as a string" });
export const idParam = z
  .string()
  .regex(/^\d{1,19}$/, "must be a positive integer id")
  // zod runs every check, so this one must not assume the pattern held.
  .refine(
    (s) => !/^\d{1,19}$/.test(s) || (BigInt(s) > 0n && BigInt(s) <= 9223372036854775807n),
    "is out of the int64 range",
  );
export const dateTime = z.iso.datetime({ offset: true });
export const total = z.strictObject({
  value: z.number().int().nonnegative(),
  exact: z.boolean().meta({ description: "false: the database's estimate (over 10,000 matches)" }),
});

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
export const str = (v: bigint | number | null | undefined): string | null =>
  v === null || v === undefined ? null : v.toString();
