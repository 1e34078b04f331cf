import { describe, expect, it } from "vitest";
import { embeddedServerSettings, settingsFlags } from "./embedded-settings";

const GB = 1024 ** 3;

describe("embedded PostgreSQL settings", () => {
  it("gives a persistent cluster a quarter of the memory for shared buffers, capped at 2 GB", () => {
    expect(embeddedServerSettings({ ephemeral: false, totalMemoryBytes: 4 * GB }).sharedBuffersMb).toBe(1024);
    expect(embeddedServerSettings({ ephemeral: false, totalMemoryBytes: 24 * GB })).toEqual({
      sharedBuffersMb: 2048,
      maxWalSizeMb: 8192,
      effectiveCacheSizeMb: 12288,
      checkpointTimeoutMin: 30,
      walCompression: true,
    });
  });

  it("never goes below PostgreSQL's own default on a small machine", () => {
    expect(embeddedServerSettings({ ephemeral: false, totalMemoryBytes: 0.25 * GB }).sharedBuffersMb).toBe(128);
  });

  it("keeps throwaway (test) clusters at the defaults", () => {
    expect(embeddedServerSettings({ ephemeral: true, totalMemoryBytes: 24 * GB })).toMatchObject({
      sharedBuffersMb: 128,
      checkpointTimeoutMin: 5,
      walCompression: false,
    });
  });

  it("turns the settings into postgres -c flags", () => {
    expect(
      settingsFlags({
        sharedBuffersMb: 512,
        maxWalSizeMb: 2048,
        effectiveCacheSizeMb: 4096,
        checkpointTimeoutMin: 30,
        walCompression: true,
      }),
    ).toEqual([
      "-c",
      "shared_buffers=512MB",
      "-c",
      "max_wal_size=2048MB",
      "-c",
      "effective_cache_size=4096MB",
      "-c",
      "checkpoint_timeout=30min",
      "-c",
      "wal_compression=pglz",
    ]);
  });
});
