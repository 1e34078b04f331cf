/**
 * The utterance being heard at `ms`: the last one that started at or before
 * it, as long as it has not ended (a gap between utterances highlights
 * nothing). Binary search: a long call has up to a thousand utterances and
 * this runs on every timeupdate. Utterances are sorted by start (ingest
 * requires it); overlapping ones (both speaking) resolve to the later start.
 */
export function activeUtterance(lines: readonly { startMs: number; endMs: number }[], ms: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.startMs <= ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  // Searching back covers an earlier, longer utterance that is still running.
  for (let i = found; i >= 0 && found - i < 5; i--) if (ms <= lines[i]!.endMs) return i;
  return -1;
}
