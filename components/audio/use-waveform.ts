"use client";

import { useEffect, useState, type RefObject } from "react";
import { explain } from "./media-element";

export type AudioFailure = { code: string; details: Record<string, string | number> };

/**
 * The waveform (wavesurfer.js), drawn over the page's own <audio> element:
 * "loading" until drawn, "ready", or "off" when it cannot be drawn (then the
 * route is asked why, and a reason it names is reported through onError).
 */
export function useWaveform(
  src: string,
  waveRef: RefObject<HTMLDivElement | null>,
  audioRef: RefObject<HTMLAudioElement | null>,
  onError: (e: AudioFailure) => void,
): "loading" | "ready" | "off" {
  const [waveform, setWaveform] = useState<"loading" | "ready" | "off">("loading");

  // The waveform, over the same <audio> element.
  useEffect(() => {
    const media = audioRef.current;
    const container = waveRef.current;
    if (!media || !container) return;
    let destroyed = false;
    let ws: { destroy(): void } | undefined;
    const absolute = new URL(src, window.location.href).href;
    import("wavesurfer.js")
      .then(({ default: WaveSurfer }) => {
        if (destroyed) return;
        const instance = WaveSurfer.create({
          container,
          media,
          // The same absolute URL as the element's: wavesurfer keeps the element's source (no blob: URL, which CSP would refuse).
          url: absolute,
          height: 64,
          waveColor: "#94a3b8",
          progressColor: "#0369a1",
          cursorColor: "#0f172a",
          barWidth: 2,
          barGap: 1,
          dragToSeek: true,
        });
        ws = instance;
        instance.on("ready", () => !destroyed && setWaveform("ready"));
        instance.on("error", () => {
          if (destroyed) return;
          setWaveform("off");
          // The waveform's own fetch failed: ask the route why (the element may not report an error of its own).
          void explain(src).then((e) => !destroyed && e && onError(e));
        });
      })
      .catch(() => !destroyed && setWaveform("off"));
    return () => {
      destroyed = true;
      ws?.destroy();
    };
  }, [src, waveRef, audioRef, onError]);
  return waveform;
}
