/**
 * The calls table's columns (labels: `calls.columns.<id>`); `optional` ones
 * can be hidden with the column chooser. A module of its own so that the
 * chooser (a client component) does not pull the table into the browser.
 */
export const CALL_COLUMNS = [
  { id: "start" },
  { id: "job", optional: true },
  { id: "callee", optional: true },
  { id: "called", optional: true },
  { id: "caller", optional: true, hiddenByDefault: true },
  { id: "line", optional: true, hiddenByDefault: true },
  { id: "result", optional: true },
  { id: "intent", optional: true },
  { id: "duration", optional: true },
  { id: "submission", optional: true },
  { id: "review", optional: true },
  { id: "score", optional: true },
  { id: "audio", optional: true },
  { id: "compliance", optional: true },
] as const;

export type ColumnId = (typeof CALL_COLUMNS)[number]["id"];
