import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prisma } from "../../lib/db/client";
import { createPersonalToken } from "../../lib/api-tokens/mutations";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/permissions";

/**
 * Test helpers for /api/v1: users with tokens, and the route files served
 * in-process by their OpenAPI path (the same modules Next serves), so tests
 * and the generated client call the real handlers without a server.
 */

export const BASE = "http://lvr.test/api/v1";
const V1_DIR = fileURLToPath(new URL("../../app/api/v1", import.meta.url));

export async function tokenFor(role: Role, opts: { readOnly?: boolean; expiresAt?: Date | null; tag?: string } = {}) {
  const tag = opts.tag ?? Math.random().toString(36).slice(2, 8);
  const email = `${role}-api-${tag}@test.local`;
  const user = await prisma.user.create({
    data: { email, name: `${role} api ${tag}`, role, passwordHash: await hashPassword("correct horse battery") },
  });
  const { id, token } = await createPersonalToken({
    userId: user.id,
    name: `test ${role} ${tag}`,
    readOnly: opts.readOnly ?? false,
    expiresAt: opts.expiresAt ?? null,
  });
  return { token, tokenId: id, userId: user.id, email };
}

export interface RouteFile {
  /** OpenAPI template of the route, relative to /api/v1: `/submissions/{id}/cancel`. */
  path: string;
  file: string;
  pattern: RegExp;
  names: string[];
}

/** Every route.ts under app/api/v1, with its path in OpenAPI syntax. */
export function v1RouteFiles(dir = V1_DIR, prefix = ""): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory())
      out.push(...v1RouteFiles(full, `${prefix}/${entry.replace(/^\[(.+)\]$/, "{$1}")}`));
    else if (entry === "route.ts") {
      const names = [...prefix.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const pattern = new RegExp(`^${prefix.replace(/\./g, "\\.").replace(/\{[^}]+\}/g, "([^/]+)")}$`);
      out.push({ path: prefix || "/", file: full, pattern, names });
    }
  }
  return out;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** Answers a request to /api/v1 with the route file Next would use. */
export async function dispatch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const rel = url.pathname.replace(/^\/api\/v1/, "");
  for (const route of v1RouteFiles()) {
    const m = route.pattern.exec(rel);
    if (!m) continue;
    const mod = (await import(route.file)) as Record<string, Handler | undefined>;
    const handler = mod[request.method.toUpperCase()];
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    return handler(request, { params: Promise.resolve(params) });
  }
  return new Response(null, { status: 404 });
}

/** A request to the API as a token holder. */
export function call(
  token: string | null,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return dispatch(
    new Request(`${BASE}${pathAndQuery}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}
