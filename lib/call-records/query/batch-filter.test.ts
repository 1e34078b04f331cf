import { describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { createBatch, materializeBatchChunk } from "../../submissions/mutations";
import { countMatching } from "./count";
import { listCallRecords } from "./data";
import { exportCallRecordsCsv } from "../export/export";
import { facetCounts } from "./facets";
import { parseCallFilters } from "./filters";
import { callFiltersToSearchParams } from "./filter-params";
import { ingestCallRecords } from "../ingest/mutations";

const TZ = "Asia/Shanghai";
const JOB = 7_320_000_000_000_001n;
const IDS = Array.from({ length: 6 }, (_, i) => 732_000_000n + BigInt(i));

describe("batch=<id> on the /calls filter contract", () => {
  it("lists, counts and exports only the batch's records, and round-trips through the URL", async () => {
    await ingestCallRecords(
      IDS.map((id, i) => ({
        call_record_id: id.toString(),
        robot_call_job_id: JOB.toString(),
        result_status: i % 2 ? "BUSY" : "ANSWERED",
        start_time: `2026-11-2${i} 09:00:00`,
      })),
      { source: "seed" },
    );
    const picked = IDS.slice(0, 3).map(String);
    const { batchId } = await createBatch({
      selection: { type: "ids", ids: picked },
      kind: "submit",
      createdBy: "test",
      resendAccepted: false,
      timeZone: TZ,
    });
    for (let i = 0; i < 20 && (await materializeBatchChunk()); i++);
    expect(await prisma.submissionJob.count({ where: { batchId } })).toBe(3);

    const parsed = parseCallFilters(new URLSearchParams(`batch=${batchId}&job=${JOB}`));
    expect(parsed.errors).toEqual([]);
    expect(parsed.filters.batch).toEqual([batchId]);
    expect(callFiltersToSearchParams(parsed.filters).getAll("batch")).toEqual([batchId.toString()]);

    const page = await listCallRecords(parsed.filters, TZ);
    expect(page.rows.map((r) => r.call_record_id.toString()).sort()).toEqual(picked.sort());
    expect((await countMatching(parsed.filters, TZ)).value).toBe(3);
    const facets = await facetCounts(parsed.filters, TZ);
    expect(facets.status.reduce((n, s) => n + s.count, 0)).toBe(3);

    let csv = "";
    for await (const chunk of exportCallRecordsCsv(parsed.filters, TZ, { masked: true })) csv += chunk;
    expect(
      csv
        .split("\r\n")
        .slice(1, -1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual(picked.sort());

    expect(parseCallFilters(new URLSearchParams("batch=abc")).errors[0]?.param).toBe("batch");
  });
});
