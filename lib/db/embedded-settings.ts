/**
 * Server settings of the embedded PostgreSQL, by what the cluster is for.
 *
 * PostgreSQL's defaults (128 MB of shared buffers, 1 GB of WAL between
 * checkpoints) are sized to start anywhere, not to serve a table of millions
 * of rows with a dozen indexes: every insert touches one leaf page per index,
 * and once those pages no longer fit in shared buffers each one becomes a
 * read from the OS cache, plus a write when a dirty page is evicted. A
 * persistent cluster (the console, the benchmark) therefore gets a quarter of
 * the machine's memory for shared buffers, capped at 2 GB.
 *
 * The first change of a page after a checkpoint writes the whole page to the
 * WAL. An ingest of 1,000 records touches ~800 index pages spread over the
 * key ranges, so right after a checkpoint its WAL was nearly all page
 * images, and with 2 GB between checkpoints a large table checkpointed every
 * couple of minutes under ingest. Checkpoints every 30 minutes or 8 GB of
 * WAL, with page images compressed, make ingest markedly faster (npm run
 * bench; docs/performance.md). The
 * price is a longer crash recovery (replaying up to 8 GB of WAL) and up to
 * that much disk under pg_wal during bulk loads; an idle console recycles
 * its WAL at the usual 80 MB.
 *
 * Throwaway clusters (tests) keep the defaults: many of them run at once and
 * each holds little.
 */

const MB = 1024 * 1024;

export interface EmbeddedServerSettings {
  sharedBuffersMb: number;
  maxWalSizeMb: number;
  effectiveCacheSizeMb: number;
  checkpointTimeoutMin: number;
  /** Compress full-page images in the WAL (pglz: the only method this server build has). */
  walCompression: boolean;
}

export function embeddedServerSettings(opts: { ephemeral: boolean; totalMemoryBytes: number }): EmbeddedServerSettings {
  const totalMb = Math.floor(opts.totalMemoryBytes / MB);
  if (opts.ephemeral)
    return {
      sharedBuffersMb: 128,
      maxWalSizeMb: 1024,
      effectiveCacheSizeMb: 4096,
      checkpointTimeoutMin: 5,
      walCompression: false,
    };
  const sharedBuffersMb = Math.max(128, Math.min(2048, Math.floor(totalMb / 4)));
  return {
    sharedBuffersMb,
    maxWalSizeMb: 8192,
    // The planner's guess of what the OS caches as well: half the memory.
    effectiveCacheSizeMb: Math.max(sharedBuffersMb, Math.floor(totalMb / 2)),
    checkpointTimeoutMin: 30,
    walCompression: true,
  };
}

/** `postgres -c` flags for the settings. */
/** Every local cluster the tooling starts: TCP on loopback only (no socket lock files in /tmp to collide with other clusters), room for the tests' pools. */
export const LOCAL_SERVER_FLAGS = [
  "-c",
  "listen_addresses=127.0.0.1",
  "-c",
  "unix_socket_directories=",
  "-c",
  "max_connections=200",
];

export function settingsFlags(s: EmbeddedServerSettings): string[] {
  return [
    "-c",
    `shared_buffers=${s.sharedBuffersMb}MB`,
    "-c",
    `max_wal_size=${s.maxWalSizeMb}MB`,
    "-c",
    `effective_cache_size=${s.effectiveCacheSizeMb}MB`,
    "-c",
    `checkpoint_timeout=${s.checkpointTimeoutMin}min`,
    "-c",
    `wal_compression=${s.walCompression ? "pglz" : "off"}`,
  ];
}
