import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getEnv } from "../env";
import { retentionSalt } from "./salt";

describe("the retention hash salt kept in the data directory", () => {
  it("is generated into a data directory that does not exist yet (a worker deployed on its own), then kept", () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "lvr-salt-")), "data");
    const env = { ...getEnv(), DATA_DIR: dir, RETENTION_HASH_SALT: undefined };
    const salt = retentionSalt(env);
    expect(salt).toMatch(/^[\w-]{43}$/);
    expect(statSync(path.join(dir, "retention-salt")).mode & 0o777).toBe(0o600);
    expect(retentionSalt(env)).toBe(salt);
    expect(retentionSalt({ ...env, RETENTION_HASH_SALT: "from-the-setting" })).toBe("from-the-setting");
  });
});
