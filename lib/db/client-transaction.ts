import type pg from "pg";

/**
 * Runs `body` in a transaction on a connection of its own (`begin` opens it:
 * "BEGIN", "BEGIN READ ONLY"): committed when `body` returns, rolled back when
 * it throws, and the error thrown on.
 */
export async function inClientTransaction<T>(client: pg.Client, begin: string, body: () => Promise<T>): Promise<T> {
  await client.query(begin);
  try {
    const result = await body();
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}
