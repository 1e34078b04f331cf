/** The keys of `T` that hold a time (a Date, or null when there is none). */
type TimeKey<T> = { [K in keyof T]: T[K] extends Date | null ? K : never }[keyof T];

/** `T` with the times `K` as ISO strings, as they travel to the browser (null stays null). */
export type WithIsoTimes<T, K extends keyof T> = Omit<T, K> & { [P in K]: null extends T[P] ? string | null : string };

/** A copy of `value` with the times `keys` as ISO strings; every field keeps its place. */
export function withIsoTimes<T extends object, K extends TimeKey<T>>(value: T, ...keys: K[]): WithIsoTimes<T, K> {
  const copy = { ...value } as Record<PropertyKey, unknown>;
  for (const key of keys) copy[key] = (value[key] as Date | null)?.toISOString() ?? null;
  return copy as WithIsoTimes<T, K>;
}
