import { ForbiddenNotice } from "@/components/auth/forbidden-notice";

/** Rendered by `forbidden()` (lib/auth/current.ts) with HTTP 403. */
export default function Forbidden() {
  return <ForbiddenNotice />;
}
