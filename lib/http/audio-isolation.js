/**
 * What every /api/audio answer carries, whatever it holds: recordings come
 * from outside hosts, so the browser must never run them as a page of the
 * console (no scripts, no plugins, a unique origin) nor guess a type other
 * than the one sent. Plain JavaScript so that next.config.js can set the same
 * headers on the answers that never reach the route (its own 404s and errors).
 */
export const AUDIO_CSP = "default-src 'none'; sandbox";

/** @type {Array<{ key: string; value: string }>} */
export const AUDIO_HEADERS = [
  { key: "Content-Security-Policy", value: AUDIO_CSP },
  { key: "X-Content-Type-Options", value: "nosniff" },
];
