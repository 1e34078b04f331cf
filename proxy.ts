import { NextResponse, type NextRequest } from "next/server";

/**
 * Passes the requested path to server components (for "sign in, then come
 * back here"). Not an access check: every page, route and action checks the
 * session itself.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-lvr-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|api/|demo-audio/|icon.svg).*)"],
};
