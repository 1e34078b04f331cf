import "server-only";
import type { z } from "zod";
import { auditFiltersSchema, listAuditEvents } from "../../audit/data";
import { invalidParams } from "../errors";
import type { ApiAnswer, ApiRequest } from "../handler";
import type { auditQuery } from "../schemas/audit";

/**
 * GET /audit with the page's filters. The page drops a filter it cannot read;
 * the API names it instead (the page's schema decides what is valid).
 */
export async function listAuditHandler({
  query,
}: ApiRequest<unknown, z.output<typeof auditQuery>, unknown>): Promise<ApiAnswer> {
  const filters = auditFiltersSchema.parse(query);
  const rejected = (Object.keys(query) as (keyof typeof query)[]).filter(
    (k) => query[k] !== undefined && query[k] !== "" && filters[k] === undefined,
  );
  if (rejected.length)
    throw invalidParams(
      rejected.map((param) => ({
        param,
        message: param === "before" ? "must be an event id" : "must be yyyy-MM-dd or an ISO 8601 date-time with offset",
      })),
    );
  const { rows, next } = await listAuditEvents(filters);
  return {
    body: {
      data: rows.map((r) => ({
        id: r.id.toString(),
        at: r.at.toISOString(),
        actor_email: r.actorEmail,
        action: r.action,
        target: r.target,
        details: r.details,
      })),
      next_cursor: next,
    },
  };
}
