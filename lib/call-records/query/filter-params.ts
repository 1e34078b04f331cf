import type { CallFilters } from "./filters";

/**
 * The zod-free half of the `/calls` URL contract: the allowed values and the
 * serialiser. The browser imports this module only; parsing stays with the
 * one schema in filters.ts, on the server, so zod is not shipped to /calls.
 */

/** Serialises filters back to URL params (omitting defaults), e.g. for links and pagination. */
export function callFiltersToSearchParams(f: Partial<CallFilters>): URLSearchParams {
  const p = new URLSearchParams();
  for (const j of f.job ?? []) p.append("job", j.toString());
  for (const s of f.status ?? []) p.append("status", s);
  for (const i of f.intent ?? []) p.append("intent", `${i.tagId}:${i.code}`);
  for (const s of f.submission ?? []) p.append("submission", s);
  for (const r of f.review ?? []) p.append("review", r);
  for (const c of f.compliance ?? []) p.append("compliance", c);
  for (const r of f.reviewer ?? []) p.append("reviewer", r.toString());
  for (const b of f.batch ?? []) p.append("batch", b.toString());
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.receivedBefore) p.set("receivedBefore", f.receivedBefore);
  if (f.minDuration !== undefined) p.set("minDuration", String(f.minDuration));
  if (f.maxDuration !== undefined) p.set("maxDuration", String(f.maxDuration));
  if (f.audio !== undefined) p.set("audio", String(f.audio));
  if (f.hold !== undefined) p.set("hold", f.hold ? "1" : "0");
  if (f.minScore !== undefined) p.set("minScore", String(f.minScore));
  if (f.maxScore !== undefined) p.set("maxScore", String(f.maxScore));
  if (f.critical) p.set("critical", f.critical);
  if (f.q) p.set("q", f.q);
  if (f.sort && f.sort !== "-start_time") p.set("sort", f.sort);
  if (f.size && f.size !== 50) p.set("size", String(f.size));
  if (f.cursor) p.set("cursor", f.cursor);
  return p;
}
