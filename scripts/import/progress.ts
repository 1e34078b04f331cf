/**
 * The import's progress line on stderr: records done, rate, share of the file
 * read and an ETA from the bytes still to read. On a terminal the line is
 * redrawn in place (`\r`) at most every `redrawMs`; in a log (not a TTY) a
 * new line is written every `intervalMs`, so CI output stays readable.
 */

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  stream: ProgressStream;
  totalBytes: number;
  /** Between lines when the stream is not a TTY. */
  intervalMs?: number;
  /** Between redraws on a TTY. */
  redrawMs?: number;
  now?: () => number;
}

export interface ProgressSnapshot {
  records: number;
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
}

const nf = new Intl.NumberFormat("en");

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${h > 0 ? String(m).padStart(2, "0") : m}:${String(s).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

export function ratePerSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : 0;
}

export function formatProgress(p: ProgressSnapshot): string {
  const rate = ratePerSecond(p.records, p.elapsedMs);
  const parts = [`${nf.format(p.records)} records`, `${nf.format(Math.round(rate))} records/s`];
  if (p.totalBytes > 0) {
    const share = Math.min(1, p.bytes / p.totalBytes);
    parts.push(`${Math.floor(share * 100)}%`);
    // Bytes, not records, drive the ETA: the record count of a file is unknown until the end.
    const eta = p.bytes > 0 && p.elapsedMs > 0 ? ((p.totalBytes - p.bytes) * p.elapsedMs) / p.bytes : NaN;
    parts.push(`ETA ${Number.isFinite(eta) ? formatDuration(eta) : "--:--"}`);
  }
  return parts.join(" · ");
}

export class ImportProgress {
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly tty: boolean;
  private readonly now: () => number;

  constructor(private readonly opts: ProgressOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.started = this.now();
    this.tty = opts.stream.isTTY === true;
  }

  elapsedMs(): number {
    return this.now() - this.started;
  }

  update(records: number, bytes: number, force = false): void {
    const t = this.now();
    const every = this.tty ? (this.opts.redrawMs ?? 100) : (this.opts.intervalMs ?? 3000);
    // A log gets its first line only after one interval: short imports print just the summary.
    if (!force && (this.tty ? t - this.lastDraw < every : t - Math.max(this.lastDraw, this.started) < every)) return;
    this.lastDraw = t;
    const line = formatProgress({ records, bytes, totalBytes: this.opts.totalBytes, elapsedMs: t - this.started });
    if (this.tty) {
      this.opts.stream.write(`\r\x1b[2K${line}`);
      this.drawn = true;
    } else {
      this.opts.stream.write(`${line}\n`);
    }
  }

  /** Clears the in-place line so that the summary starts on a clean line. */
  finish(): void {
    if (this.tty && this.drawn) this.opts.stream.write("\r\x1b[2K");
    this.drawn = false;
  }
}
