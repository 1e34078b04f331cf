import { describe, expect, it } from "vitest";
import { maskName, maskPhone } from "./mask";

describe("maskPhone", () => {
  it("keeps the prefix and the last four digits of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+8613812345678")).toBe("+86****5678");
  });
  it("never shows more than two digits of a short number", () => {
    expect(maskPhone("12345")).toBe("***45");
    expect(maskPhone("95")).toBe("**");
  });
  it("passes null through", () => {
    expect(maskPhone(null)).toBeNull();
  });
});

describe("maskName", () => {
  it("keeps only the first character, counting Chinese characters as one", () => {
    expect(maskName("张伟")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("李")).toBe("李*");
  });
});
