import { safeLocalPath } from "../http/safe-redirect";

/** A `next` search parameter as a path on the console to go to after a sign-in step ("/" when absent or not one). */
export function nextPath(raw: string | string[] | undefined): string {
  return safeLocalPath(raw);
}
