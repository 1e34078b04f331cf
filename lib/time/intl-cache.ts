/**
 * Intl formatters, made once per key and kept. Constructing one costs far
 * more than formatting with it, and the same few are asked for
 * on every render and every query. Keys are built from a locale, a time zone
 * and options; Intl throws on an invalid zone or locale before anything is
 * kept, so the cache holds at most a few entries per valid zone.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

export function cachedFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value as T;
}
