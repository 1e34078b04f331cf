import { describe, expect, it } from "vitest";
import { parseEnv } from ".";

const base = { DATABASE_URL: "postgresql://lvr@localhost/lvr" };

describe("TRUSTED_PROXY", () => {
  it("defaults to no trusted proxy", () => {
    expect(parseEnv(base).TRUSTED_PROXY).toEqual([]);
  });

  it("takes addresses and CIDR ranges", () => {
    expect(parseEnv({ ...base, TRUSTED_PROXY: "127.0.0.1, 10.0.0.0/8, ::1" }).TRUSTED_PROXY).toEqual([
      "127.0.0.1/32",
      "10.0.0.0/8",
      "::1/128",
    ]);
  });

  it("refuses anything else, naming it", () => {
    expect(() => parseEnv({ ...base, TRUSTED_PROXY: "10.0.0.0/8, true" })).toThrow(
      /TRUSTED_PROXY.*not an IP address or CIDR range: true/,
    );
  });
});
