import "server-only";
import { safeDecodeURIComponent } from "../input/schema";
import { can, type Permission } from "./permissions";
import { SESSION_COOKIE, userForToken, type SessionUser } from "./sessions";

function tokenFrom(request: Request): string | undefined {
  const cookie = request.headers.get("cookie") ?? "";
  for (const part of cookie.split(";")) {
    const [name, ...value] = part.trim().split("=");
    // A broken escape (`lvr_session=%`) is no session, not a URIError.
    if (name === SESSION_COOKIE) return safeDecodeURIComponent(value.join("=")) ?? undefined;
  }
  return undefined;
}

/** For route handlers: 401 without a session, 403 without the permission (JSON, never a redirect). */
export function withPermission<C>(permission: Permission, handler: (request: Request, context: C, user: SessionUser) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const user = await userForToken(tokenFrom(request));
    if (!user) return Response.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
    if (!can(user.role, permission)) {
      return Response.json({ error: { code: "forbidden", message: `Your role (${user.role}) may not do this.` } }, { status: 403 });
    }
    return handler(request, context, user);
  };
}
