/**
 * One column of a multi-row write, as text for a `text[]` parameter that SQL
 * casts to the column's type (`${textColumn(...)}::text[]::bigint[]` in an
 * `unnest`): exact for int64 and timestamps, nothing for the driver to guess.
 * null and undefined become SQL NULL.
 */
export function textColumn<R, T>(
  rows: readonly R[],
  pick: (row: R) => T | null | undefined,
  str: (value: T) => string = String,
): (string | null)[] {
  return rows.map((row) => {
    const v = pick(row);
    return v === null || v === undefined ? null : str(v);
  });
}
