/**
 * Node flags of the web app's process (scripts/web-server.mjs), for
 * `npm start` and the benchmark's server alike.
 *
 * `--heap-growing-percent=50`: after each full collection V8 lets the old
 * generation grow to 1.5× what survived it before the next one, instead of
 * up to 4× by default. The console's live heap is small, and a request that
 * streams a lot through it (the CSV export: the driver's row texts outlive
 * two scavenges and are promoted) filled the old generation with garbage
 * before each full collection. With the bound, a large export peaks at a
 * clearly lower RSS at the same speed: full collections of a small heap are
 * short and mostly off the main thread (docs/performance.md).
 */
export const WEB_NODE_FLAGS: readonly string[] = ["--heap-growing-percent=50"];
