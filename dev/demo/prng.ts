import { mulberry32 as seeded } from "../../lib/random/mulberry32";

/**
 * Deterministic randomness for the demo data: the same seed must give the
 * same records on every machine, so nothing here touches Math.random.
 */

export type Rng = () => number;

/** mulberry32 (lib/random), typed as the demo's Rng. */
export function mulberry32(seed: number): Rng {
  return seeded(seed);
}

/**
 * Mixes several integers into one 32-bit seed (murmur3's finaliser per step),
 * so that a derived stream, e.g. one debtor of one job, does not depend on how
 * many numbers the main stream has drawn before it.
 */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(rng() * items.length)] as T;
}

/** Picks by relative weight; weights need not sum to 1. */
export function pickWeighted<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  let total = 0;
  for (const item of items) total += weight(item);
  let r = rng() * total;
  for (const item of items) {
    r -= weight(item);
    if (r < 0) return item;
  }
  // Floating-point leftovers land on the last item with a positive weight.
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as T;
    if (weight(item) > 0) return item;
  }
  throw new Error("pickWeighted: no item has a positive weight");
}

/** Standard normal deviate (Box-Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log(0) would be -Infinity
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal with the given median, redrawn until it falls inside [min, max] (no pile-up at the bounds). */
export function logNormalBetween(rng: Rng, median: number, sigma: number, min: number, max: number): number {
  for (let i = 0; i < 64; i++) {
    const x = median * Math.exp(sigma * normal(rng));
    if (x >= min && x <= max) return x;
  }
  return Math.min(max, Math.max(min, median));
}

/** Decimal string of `digits` random digits (leading zeros kept). */
export function digits(rng: Rng, count: number): string {
  let s = "";
  for (let i = 0; i < count; i++) s += String(Math.floor(rng() * 10));
  return s;
}
