/**
 * Node flags of the web app's process (scripts/web-server.mjs), for
 * `npm start` and the benchmark's server alike.
 *
 * `--heap-growing-percent=50`: after each full collection V8 lets the old
 * generation grow to 1.5× what survived it before the next one, instead of
 * up to 4× by default. The console's live heap is small (about 45 MB), and a
 * request that streams a lot through it (the CSV export: the driver's row
 * texts outlive two scavenges and are promoted, about 0.8 KB a row) filled
 * the old generation with ~140 MB of garbage before each full collection. With
 * the bound, an export of a million rows peaks at about 235 MB of RSS instead
 * of about 345 MB, at the same speed: full collections of a small heap take
 * 5–15 ms, mostly off the main thread.
 */
export const WEB_NODE_FLAGS: readonly string[] = ["--heap-growing-percent=50"];
