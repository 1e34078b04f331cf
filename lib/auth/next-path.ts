/** A `next` search parameter as a local path to go to after a sign-in step ("/" when absent or not local). */
export function nextPath(raw: string | string[] | undefined): string {
  return typeof raw === "string" && /^\/(?!\/)/.test(raw) ? raw : "/";
}
