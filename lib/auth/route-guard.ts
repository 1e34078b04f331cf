import "server-only";
import { safeDecodeURIComponent } from "../input/schema";
import { can, type Permission } from "./permissions";
import { REAUTH_MESSAGE } from "./recent-auth";
import { SESSION_COOKIE, sessionForToken, type SessionState, type SessionUser } from "./sessions";

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
export function withPermission<C>(
  permission: Permission,
  handler: (request: Request, context: C, user: SessionUser, session: SessionState) => Promise<Response>,
) {
  return async (request: Request, context: C): Promise<Response> => {
    const session = await sessionForToken(tokenFrom(request));
    // A session still owing a sign-in step (second factor, own password, enrolment) is not signed in yet.
    const user = session && session.step === null ? session.user : null;
    if (!session || !user)
      return Response.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
    if (!can(user.role, permission)) {
      return Response.json(
        { error: { code: "forbidden", message: `Your role (${user.role}) may not do this.` } },
        { status: 403 },
      );
    }
    return handler(request, context, user, session);
  };
}

/** The 403 of a sensitive route whose caller must confirm it is them first (lib/auth/recent-auth.ts); the page at confirmUrl does it and comes back. */
export function reauthRequired(request: Request): Response {
  const url = new URL(request.url);
  return Response.json(
    {
      error: {
        code: "reauth_required",
        message: REAUTH_MESSAGE,
        details: { confirmUrl: `/account/confirm?next=${encodeURIComponent(url.pathname + url.search)}` },
      },
    },
    { status: 403 },
  );
}
