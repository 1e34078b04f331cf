import { describe, expect, it } from "vitest";
import { addDays, zonedDayStart, zonedFileStamp } from "./zoned";

describe("zonedDayStart", () => {
  it("starts a Shanghai day at 16:00 UTC the day before", () => {
    expect(zonedDayStart("2026-03-01", "Asia/Shanghai").toISOString()).toBe("2026-02-28T16:00:00.000Z");
  });
  it("follows daylight saving time", () => {
    expect(zonedDayStart("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(zonedDayStart("2026-01-15", "America/New_York").toISOString()).toBe("2026-01-15T05:00:00.000Z");
  });
  it("adds days across month ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });
});

describe("zonedFileStamp", () => {
  it("stamps a file name in the display zone with its offset", () => {
    expect(zonedFileStamp(new Date("2026-11-05T00:47:57.900Z"), "Asia/Shanghai")).toBe("20261105-084757+0800");
    expect(zonedFileStamp(new Date("2026-11-05T00:47:57Z"), "America/New_York")).toBe("20261104-194757-0500");
    expect(zonedFileStamp(new Date("2026-11-05T00:47:57Z"), "UTC")).toBe("20261105-004757+0000");
  });
});
