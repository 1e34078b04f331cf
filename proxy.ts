import { NextResponse, type NextRequest } from "next/server";
import { checkActionOrigin, foreignOriginResponse } from "@/lib/http/action-origin";

/**
 * Refuses a POST (a server action) from another site with a 403 (Next would
 * answer it with a 500), and passes the requested path to server components
 * (for "sign in, then come back here"). Not an access check: every page,
 * route and action checks the session itself.
 */
export function proxy(request: NextRequest) {
  const origin = checkActionOrigin(request.method, request.headers);
  if (!origin.ok) return foreignOriginResponse(origin.reason);
  const headers = new Headers(request.headers);
  headers.set("x-lvr-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|api/|demo-audio/|icon.svg).*)"],
};
