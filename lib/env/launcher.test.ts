import { describe, expect, it } from "vitest";
import { benchEnv, emulatorEnv, launcherEnv, testDatabaseEnv } from "./launcher";

describe("the launchers' settings", () => {
  it("have the defaults the scripts always had, a blank variable counting as unset", () => {
    const s = launcherEnv({ PORT: "", HOST: "", DATA_DIR: "", ADMIN_EMAIL: "" });
    expect(s.PORT).toBe(3000);
    expect(s.HOST).toBeUndefined();
    expect(s.DATA_DIR).toBe(".data");
    expect(s.ADMIN_EMAIL).toBeUndefined();
    expect(s.DEMO_PASSWORD).toBe("lvr-demo-2026");
    expect(emulatorEnv({})).toEqual({ TOP_EMULATOR_PORT: 3100, TOP_EMULATOR_HOST: "127.0.0.1" });
    expect(testDatabaseEnv({})).toEqual({ PG_TEST_PORT: 4850, PGBOUNCER_TEST_PORT: 4851 });
    expect(benchEnv({}).BENCH_CHROMIUM).toBe("/usr/bin/chromium");
  });

  it("take the values that are set", () => {
    const s = launcherEnv({
      PORT: "5300",
      EMBEDDED_PG_PORT: "5432",
      DEMO_MODE: "false",
      DEMO_PASSWORD: "another-pass",
    });
    expect([s.PORT, s.EMBEDDED_PG_PORT, s.DEMO_MODE, s.DEMO_PASSWORD]).toEqual([5300, 5432, "false", "another-pass"]);
    expect(emulatorEnv({ TOP_EMULATOR_FAULTS: '{"http502":0.1}' }).TOP_EMULATOR_FAULTS).toEqual({ http502: 0.1 });
  });

  it("name a bad port or fault setting instead of starting with NaN", () => {
    expect(() => launcherEnv({ PORT: "web" })).toThrow(/invalid launcher settings:\n {2}PORT: /);
    expect(() => launcherEnv({ EMBEDDED_PG_PORT: "70000" })).toThrow(/EMBEDDED_PG_PORT/);
    expect(() => emulatorEnv({ TOP_EMULATOR_FAULTS: "{oops" })).toThrow(/TOP_EMULATOR_FAULTS: is not JSON/);
    expect(() => testDatabaseEnv({ PG_TEST_PORT: "0" })).toThrow(/PG_TEST_PORT/);
  });

  it("never echo a value in the message", () => {
    expect(() => launcherEnv({ PORT: "s3cr3t-looking" })).not.toThrow(/s3cr3t-looking/);
  });
});
