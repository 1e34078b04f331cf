import { z } from "zod";

/** Integer counts, one field per name, in the order given. */
export function countFields<K extends string>(...names: K[]): Record<K, z.ZodNumber> {
  return Object.fromEntries(names.map((name) => [name, z.number().int()])) as Record<K, z.ZodNumber>;
}
