/**
 * Where to send someone after signing in (or any redirect whose target comes
 * from input): only a path on the console itself. The input is resolved
 * against an origin of our own with the WHATWG URL parser, as a browser would
 * resolve a Location header, and kept only if the result stays on that
 * origin; so `/\example.org`, `/%09/example.org` (once decoded) and the like,
 * which a prefix check lets through and browsers follow off-site, go to `/`.
 */
const OWN = "http://console.invalid";

export function safeLocalPath(input: unknown, fallback = "/"): string {
  if (typeof input !== "string" || !input.startsWith("/") || input.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(input, OWN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN) return fallback;
  const path = url.pathname + url.search + url.hash;
  // `/.//example.org` normalises to `//example.org`: same origin here, another site in a Location.
  return /^\/(?![/\\])/.test(path) ? path : fallback;
}
