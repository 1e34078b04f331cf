import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSigningKey, resolveSigningKey } from "./signing-key";

describe("the evidence signing key kept in the data directory", () => {
  it("is generated into a data directory that does not exist yet (a web instance deployed on its own), then kept", () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "lvr-key-")), "data", "nested");
    const first = resolveSigningKey(dir, undefined);
    expect(first.generated).toBe(true);
    expect(parseSigningKey(first.pem).asymmetricKeyType).toBe("ed25519");
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    expect(resolveSigningKey(dir, undefined)).toMatchObject({ pem: first.pem, generated: false });
  });
});
