import { startOidc } from "@/lib/auth/oidc/routes";

/** Starts a single sign-on: to the OIDC provider, and back to the callback (`?next=` a path on the console). */
export const GET = startOidc;
