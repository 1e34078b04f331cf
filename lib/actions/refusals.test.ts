import { describe, expect, it } from "vitest";
import { ActionError } from "./action-error";
import { orRefuse, refusing } from "./refusals";

const notFound = () => new ActionError("not_found", "No such thing.");
class NameTaken extends Error {}

describe("orRefuse", () => {
  it("answers what the mutation answered when it acted", () => {
    expect(orRefuse({ name: "a" }, notFound)).toEqual({ name: "a" });
    expect(orRefuse(true, notFound)).toBe(true);
    // An empty name or a zero is an answer, not a missing row.
    expect(orRefuse("", notFound)).toBe("");
    expect(orRefuse(0, notFound)).toBe(0);
  });

  it("throws the refusal when the mutation answered null, undefined or false", () => {
    for (const answer of [null, undefined, false]) {
      expect(() => orRefuse(answer, notFound)).toThrow(ActionError);
      expect(() => orRefuse(answer, notFound)).toThrow("No such thing.");
    }
  });
});

describe("refusing", () => {
  const nameTaken = (err: unknown) => (err instanceof NameTaken ? new ActionError("name_taken", "Taken.") : null);

  it("answers what the work answered", async () => {
    await expect(refusing(async () => 42, nameTaken)).resolves.toBe(42);
  });

  it("turns a recognised error into its refusal and keeps any other as it is", async () => {
    await expect(
      refusing(async () => {
        throw new NameTaken();
      }, nameTaken),
    ).rejects.toMatchObject({ code: "name_taken", message: "Taken." });
    const fault = new Error("disk full");
    await expect(
      refusing(async () => {
        throw fault;
      }, nameTaken),
    ).rejects.toBe(fault);
    const refusal = notFound();
    await expect(
      refusing(async () => {
        throw refusal;
      }, nameTaken),
    ).rejects.toBe(refusal);
  });
});
