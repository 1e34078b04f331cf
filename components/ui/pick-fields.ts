/**
 * A copy of `record` with only `keys`, in that order: what a page hands a
 * client component's props, so that no other field of the record is sent.
 */
export function pickFields<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, record[k]])) as Pick<T, K>;
}
