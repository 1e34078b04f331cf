/** Small operations on the page's <audio> element, shared by the player, its keys and its waveform. */

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

export function seekElement(a: HTMLAudioElement, seconds: number) {
  const end = Number.isFinite(a.duration) && a.duration > 0 ? a.duration : Infinity;
  a.currentTime = Math.max(0, Math.min(end, seconds));
}

export function toggleElement(a: HTMLAudioElement) {
  if (a.paused) void a.play().catch(() => {});
  else a.pause();
}

/** Why a recording does not play, from the route's JSON error (null: the route serves it). */
export async function explain(src: string): Promise<{ code: string; details: Record<string, string | number> } | null> {
  try {
    const r = await fetch(src, { headers: { Range: "bytes=0-0" } });
    if (r.ok || r.status === 206) return null;
    const body = (await r.json().catch(() => null)) as {
      error?: { code?: string; details?: Record<string, string | number> };
    } | null;
    return { code: body?.error?.code ?? `http_${r.status}`, details: body?.error?.details ?? {} };
  } catch {
    return { code: "upstream_failed", details: {} };
  }
}
