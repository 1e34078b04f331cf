import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, scratchDatabase } from "../../dev/testing/pg";
import { migrate, MIGRATIONS_TABLE } from "./migrate";

const tempDirs: string[] = [];
afterAll(() => Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true }))));

async function writeMigrations(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lvr-mig-"));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrate", () => {
  let url: string;
  beforeAll(async () => {
    url = await scratchDatabase("mig_a");
  });

  it("applies each migration once, in name order", async () => {
    const dir = await writeMigrations({
      "20260101000000_one": "CREATE TABLE t1 (id int);",
      "20260102000000_two": "INSERT INTO t1 VALUES (1);",
    });
    expect((await migrate(url, { dir })).applied).toEqual(["20260101000000_one", "20260102000000_two"]);
    expect((await migrate(url, { dir })).applied).toEqual([]);
    expect(await queryRows(url, "SELECT count(*)::int AS n FROM t1")).toEqual([{ n: 1 }]);
  });

  it("refuses an applied migration whose SQL was edited", async () => {
    const dir = await writeMigrations({
      "20260101000000_one": "CREATE TABLE t1 (id int, extra text);",
      "20260102000000_two": "INSERT INTO t1 VALUES (1);",
    });
    await expect(migrate(url, { dir })).rejects.toThrow(/20260101000000_one was edited after it was applied/);
  });

  it("refuses a database migrated by a newer release", async () => {
    const dir = await writeMigrations({ "20260101000000_one": "CREATE TABLE t1 (id int);" });
    await expect(migrate(url, { dir })).rejects.toThrow(/does not know \(20260102000000_two\)/);
  });

  it("rolls a failing migration back completely", async () => {
    const fresh = await scratchDatabase("mig_b");
    const dir = await writeMigrations({
      "20260101000000_ok": "CREATE TABLE ok (id int);",
      "20260102000000_bad": "CREATE TABLE half (id int); SELECT 1/0;",
    });
    await expect(migrate(fresh, { dir })).rejects.toThrow(
      /20260102000000_bad failed and was rolled back: division by zero/,
    );
    const tables = await queryRows<{ tablename: string }>(
      fresh,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.tablename)).toEqual([MIGRATIONS_TABLE, "ok"]);
  });

  it("applies once when several instances start together", async () => {
    const fresh = await scratchDatabase("mig_c");
    const dir = await writeMigrations({ "20260101000000_slow": "SELECT pg_sleep(0.2); CREATE TABLE once (id int);" });
    const results = await Promise.all([migrate(fresh, { dir }), migrate(fresh, { dir }), migrate(fresh, { dir })]);
    expect(results.flatMap((r) => r.applied)).toEqual(["20260101000000_slow"]);
  });
});
