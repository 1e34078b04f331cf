import { NextResponse, type NextRequest } from "next/server";
import { checkActionOrigin, foreignOriginResponse } from "@/lib/http/action-origin";
import { SESSION_COOKIE } from "./lib/auth/session-cookie";

/** Pages anyone may open: signing in, and the pages that say why something is not shown. */
const PUBLIC_PAGES = ["/sign-in", "/forbidden", "/set-password"];

/**
 * Route handlers outside `/api` that machines read (Prometheus scrapes
 * `/metrics`). They check access themselves; a redirect to sign-in would hand
 * the scraper an HTML page instead of a 401.
 */
const MACHINE_ROUTES = ["/metrics"];

/**
 * Refuses a POST (a server action) from another site with a 403 (Next would
 * answer it with a 500); passes the requested path to server components
 * (for "sign in, then come back here"), and sends a page request without a
 * session cookie straight to sign-in with a real redirect status (307),
 * before anything renders. Not an access check: the cookie's presence says
 * nothing about the session, and every page, route and action checks the
 * session itself.
 */
export function proxy(request: NextRequest) {
  const origin = checkActionOrigin(request.method, request.headers);
  if (!origin.ok) return foreignOriginResponse(origin.reason);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  const reading = request.method === "GET" || request.method === "HEAD";
  if (
    reading &&
    !request.cookies.has(SESSION_COOKIE) &&
    !PUBLIC_PAGES.includes(request.nextUrl.pathname) &&
    !MACHINE_ROUTES.includes(request.nextUrl.pathname)
  ) {
    const target = new URL("/sign-in", request.url);
    if (path !== "/") target.searchParams.set("next", path);
    return NextResponse.redirect(target, 307);
  }
  const headers = new Headers(request.headers);
  headers.set("x-lvr-path", path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|api/|demo-audio/|icon.svg).*)"],
};
