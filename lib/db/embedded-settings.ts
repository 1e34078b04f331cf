/**
 * Server settings of the embedded PostgreSQL, by what the cluster is for.
 *
 * PostgreSQL's defaults (128 MB of shared buffers, 1 GB of WAL between
 * checkpoints) are sized to start anywhere, not to serve a table of millions
 * of rows with a dozen indexes: every insert touches one leaf page per index,
 * and once those pages no longer fit in shared buffers each one becomes a
 * read from the OS cache, plus a write when a dirty page is evicted. A
 * persistent cluster (the console, the benchmark) therefore gets a quarter of
 * the machine's memory for shared buffers, capped at 2 GB, and room for 2 GB
 * of WAL between checkpoints so a bulk ingest is not one checkpoint after
 * another. Throwaway clusters (tests) keep the defaults: many of them run at
 * once and each holds little.
 */

const MB = 1024 * 1024;

export interface EmbeddedServerSettings {
  sharedBuffersMb: number;
  maxWalSizeMb: number;
  effectiveCacheSizeMb: number;
}

export function embeddedServerSettings(opts: { ephemeral: boolean; totalMemoryBytes: number }): EmbeddedServerSettings {
  const totalMb = Math.floor(opts.totalMemoryBytes / MB);
  if (opts.ephemeral) return { sharedBuffersMb: 128, maxWalSizeMb: 1024, effectiveCacheSizeMb: 4096 };
  const sharedBuffersMb = Math.max(128, Math.min(2048, Math.floor(totalMb / 4)));
  return {
    sharedBuffersMb,
    maxWalSizeMb: 2048,
    // The planner's guess of what the OS caches as well: half the memory.
    effectiveCacheSizeMb: Math.max(sharedBuffersMb, Math.floor(totalMb / 2)),
  };
}

/** `postgres -c` flags for the settings. */
export function settingsFlags(s: EmbeddedServerSettings): string[] {
  return [
    "-c", `shared_buffers=${s.sharedBuffersMb}MB`,
    "-c", `max_wal_size=${s.maxWalSizeMb}MB`,
    "-c", `effective_cache_size=${s.effectiveCacheSizeMb}MB`,
  ];
}
