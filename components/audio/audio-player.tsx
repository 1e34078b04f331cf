"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { AUDIO_ERROR_CODES, type AudioErrorCode } from "./audio-error";
import { explain, SPEEDS, seekElement, toggleElement } from "./media-element";
import { PlayerKeysHelp } from "./player-keys-help";
import { formatClock } from "./time";
import { usePlayerKeyboard } from "./use-player-keyboard";
import { useWaveform } from "./use-waveform";

export { SPEEDS } from "./media-element";

/** The ±5 s buttons: how far each moves, its key and its title. */
const SKIPS = [
  { by: -5, key: "ArrowLeft", title: "back5", text: "−5 s" },
  { by: 5, key: "ArrowRight", title: "forward5", text: "+5 s" },
] as const;

/** What the review screen does with the player: seek (comments) and read the position (new comment). */
export interface PlayerApi {
  seek(seconds: number): void;
  currentTime(): number;
}

/**
 * The recording player: a waveform (wavesurfer.js, drawn over the page's own
 * <audio> element, so playback is the browser's and the waveform only draws
 * and seeks) with play/pause, ±5 s, speed, volume, download, and keys
 * (space, ←/→, [ and ]). The position is kept in the URL (`?t=42`), so a link
 * opens at a moment. When the waveform cannot be drawn (decoding fails, or
 * the module does not load) the plain <audio> controls remain.
 */
export function AudioPlayer({
  src,
  downloadHref,
  initialTime = 0,
  apiRef,
  keyboard = true,
  syncUrl = true,
  badge,
  onTime,
}: {
  /** Where the recording plays from (archived copy, vendor's link): shown only while it can play. */
  badge?: ReactNode;
  src: string;
  downloadHref?: string | null;
  initialTime?: number;
  apiRef?: RefObject<PlayerApi | null>;
  keyboard?: boolean;
  syncUrl?: boolean;
  /** Told the position on every timeupdate and seek (the transcript follows it). */
  onTime?: (seconds: number) => void;
}) {
  const t = useTranslations("audio");
  const te = useTranslations("views.audioError");
  const audioRef = useRef<HTMLAudioElement>(null);
  const waveRef = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(initialTime);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState(1);
  const [volume, setVolume] = useState(1);
  const [error, setError] = useState<{ code: string; details: Record<string, string | number> } | null>(null);
  const waveform = useWaveform(src, waveRef, audioRef, setError);
  // A ref, so that a new callback each render does not re-subscribe the media events.
  const onTimeRef = useRef(onTime);
  useEffect(() => {
    onTimeRef.current = onTime;
  });

  // Media events → state, the URL, and the starting position.
  useEffect(() => {
    const a = audioRef.current;
    if (!a) return;
    let lastSecond = -1;
    const writeUrl = () => {
      if (!syncUrl) return;
      const s = Math.floor(a.currentTime);
      if (s === lastSecond) return;
      lastSecond = s;
      const url = new URL(window.location.href);
      if (s > 0) url.searchParams.set("t", String(s));
      else url.searchParams.delete("t");
      window.history.replaceState(window.history.state, "", url);
    };
    const onMeta = () => {
      setDuration(a.duration || 0);
      if (initialTime > 0 && a.currentTime === 0) a.currentTime = Math.min(initialTime, a.duration || initialTime);
    };
    const onTime = () => {
      setTime(a.currentTime);
      onTimeRef.current?.(a.currentTime);
      writeUrl();
    };
    const onPlay = () => setPlaying(true);
    const onPause = () => setPlaying(false);
    const onError = () => {
      setPlaying(false);
      // The element does not say why; the route does, as a code (said here in the user's language).
      void explain(src).then((e) => setError(e ?? { code: "media_error", details: {} }));
    };
    const listeners: [keyof HTMLMediaElementEventMap, () => void][] = [
      ["loadedmetadata", onMeta],
      ["durationchange", onMeta],
      ["timeupdate", onTime],
      ["seeked", onTime],
      ["play", onPlay],
      ["pause", onPause],
      ["error", onError],
    ];
    for (const [event, listener] of listeners) a.addEventListener(event, listener);
    if (a.readyState >= 1) onMeta();
    if (a.error) onError();
    return () => {
      for (const [event, listener] of listeners) a.removeEventListener(event, listener);
    };
  }, [src, initialTime, syncUrl, t]);

  const seek = (seconds: number) => {
    if (audioRef.current) seekElement(audioRef.current, seconds);
  };
  const toggle = () => {
    if (audioRef.current) toggleElement(audioRef.current);
  };
  const changeSpeed = (next: number) => {
    setSpeed(next);
    if (audioRef.current) audioRef.current.playbackRate = next;
  };

  useEffect(() => {
    if (!apiRef) return;
    apiRef.current = {
      seek: (s) => audioRef.current && seekElement(audioRef.current, s),
      currentTime: () => audioRef.current?.currentTime ?? 0,
    };
    return () => {
      apiRef.current = null;
    };
  }, [apiRef]);

  usePlayerKeyboard(keyboard, audioRef, setSpeed);

  const button = "rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50";
  if (error) {
    // One state: what is wrong, in the user's language, and its code; no player that cannot play.
    const known = (AUDIO_ERROR_CODES as readonly string[]).includes(error.code);
    const host = String(error.details.host ?? "?");
    const status = String(error.details.status ?? "?");
    return (
      <section
        aria-label={t("label")}
        role="alert"
        data-testid="audio-error"
        data-code={error.code}
        className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
      >
        <p className="font-medium">{te("title")}</p>
        <p className="mt-1">
          {known ? te(error.code as AudioErrorCode, { host, status }) : te("unknown", { code: error.code })}
        </p>
        <p className="mt-1 font-mono text-xs text-red-800">{te("code", { code: error.code })}</p>
      </section>
    );
  }
  return (
    <section aria-label={t("label")} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      {badge ? <div className="flex flex-wrap items-baseline gap-3">{badge}</div> : null}
      <div
        ref={waveRef}
        data-testid="waveform"
        data-state={waveform}
        aria-hidden="true"
        className={waveform === "off" ? "hidden" : "min-h-16 cursor-pointer"}
      />
      {/* The element that plays; its own controls show only when there is no waveform. */}
      <audio
        ref={audioRef}
        src={src}
        preload="metadata"
        controls={waveform === "off"}
        className={waveform === "off" ? "w-full" : "hidden"}
        data-testid="recording"
      >
        <a href={src}>{t("download")}</a>
      </audio>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button
          type="button"
          onClick={toggle}
          className={`${button} min-w-20 font-medium`}
          aria-keyshortcuts="Space"
          data-testid="play"
        >
          {playing ? t("pause") : t("play")}
        </button>
        {SKIPS.map(({ by, key, title, text }) => (
          <button
            key={key}
            type="button"
            onClick={() => seek((audioRef.current?.currentTime ?? 0) + by)}
            className={button}
            aria-keyshortcuts={key}
            title={t(title)}
          >
            {text}
          </button>
        ))}
        <span className="tabular-nums text-slate-700" data-testid="position">
          {formatClock(time)} / {formatClock(duration)}
        </span>
        <label className="ml-auto flex items-center gap-1">
          <span className="text-slate-600">{t("speed")}</span>
          <select
            value={speed}
            onChange={(e) => changeSpeed(Number(e.target.value))}
            className="rounded border border-slate-300 px-1 py-0.5"
            data-testid="speed"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <span className="text-slate-600">{t("volume")}</span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={volume}
            onChange={(e) => {
              const v = Number(e.target.value);
              setVolume(v);
              if (audioRef.current) audioRef.current.volume = v;
            }}
            className="w-24"
          />
        </label>
        {downloadHref ? (
          <a href={downloadHref} download className={button}>
            {t("download")}
          </a>
        ) : null}
        <PlayerKeysHelp buttonClassName={button} />
      </div>
      {waveform === "off" ? <p className="text-xs text-slate-600">{t("noWaveform")}</p> : null}
    </section>
  );
}
