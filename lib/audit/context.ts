import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who is acting, besides the actor itself: set around a REST API request so
 * that every audit event written while serving it (by the same lib functions
 * and actions the pages use) names the personal access token it came through.
 */
export interface AuditVia {
  /** The token's name, as its owner gave it. */
  token: string;
  tokenId: string;
}

const storage = new AsyncLocalStorage<AuditVia>();

export function withAuditVia<T>(via: AuditVia, fn: () => Promise<T>): Promise<T> {
  return storage.run(via, fn);
}

export function currentAuditVia(): AuditVia | undefined {
  return storage.getStore();
}
