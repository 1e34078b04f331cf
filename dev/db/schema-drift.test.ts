import { describe, expect, inject, it } from "vitest";
import { queryRows, scratchDatabase } from "../testing/pg";
import { migrate } from "../../lib/db/migrate";
import { actualShape, diffShapes, expectedShape, loadSchemaDmmf } from "./schema-drift";

async function freshMigratedDatabase(): Promise<string> {
  const url = await scratchDatabase("drift");
  await migrate(url);
  return url;
}

describe("committed migrations vs prisma/schema.prisma", () => {
  it("produce exactly the database the schema describes", async () => {
    const expected = expectedShape(await loadSchemaDmmf());
    const actual = await actualShape(inject("databaseUrl"));
    expect(diffShapes(expected, actual)).toEqual([]);
    // Guard against a vacuous pass: the comparison really saw the model.
    expect(Object.keys(actual.tables)).toContain("call_records");
    expect(Object.keys(actual.tables.call_records!.indexes).length).toBeGreaterThan(5);
  });

  it("reports a changed column, a missing index, an extra table and an enum change", async () => {
    const url = await freshMigratedDatabase();
    await queryRows(
      url,
      `
      ALTER TABLE call_records ALTER COLUMN name SET NOT NULL;
      DROP INDEX call_records_duration_id_idx;
      CREATE TABLE stray (id int);
      ALTER TYPE review_state ADD VALUE 'escalated';`,
    );
    const diff = diffShapes(expectedShape(await loadSchemaDmmf()), await actualShape(url));
    expect(diff).toEqual([
      `enum review_state: schema ["unreviewed","passed","flagged"], database ["unreviewed","passed","flagged","escalated"]`,
      `column call_records.name: schema {"type":"text","nullable":true,"default":null}, database {"type":"text","nullable":false,"default":null}`,
      `index call_records_duration_id_idx: schema CREATE INDEX call_records_duration_id_idx ON public.call_records USING btree (chat_duration, id), database (absent)`,
      "table stray: not in schema.prisma",
    ]);
  });
});
