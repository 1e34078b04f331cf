import { finishOidc } from "@/lib/auth/oidc/routes";

/** Where the OIDC provider sends the browser back: signs in, or says on the sign-in page why not. */
export const GET = finishOidc;
