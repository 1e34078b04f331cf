/**
 * Accept-Encoding values to which a route that compresses its own responses
 * answers with gzip: `gzip` among the codings, without `q=0`. Lower-case
 * only and no `*`: any other value gets the plain response, which every
 * client can read.
 *
 * One pattern for both halves of the decision, which Next splits in two: a
 * route handler cannot set Content-Encoding (Next drops that header from the
 * Response, and its own compression would then gzip the body again), so
 * next.config.js sets it for the route's requests that match, and the route
 * compresses exactly those (`acceptsGzip` in stream.ts). Plain JavaScript so
 * that next.config.js can import it. Next anchors it (`^…$`) and matches it
 * against the whole header; no named groups, no `:` (Next would take them as
 * parameters of the header's value).
 */
export const GZIP_ACCEPT_ENCODING =
  "(?:.*,)?[ \\t]*gzip[ \\t]*(?:;[ \\t]*q=(?:1(?:\\.0{0,3})?|0?\\.[0-9]{0,2}[1-9][0-9]*)[ \\t]*)?(?:,.*)?";
