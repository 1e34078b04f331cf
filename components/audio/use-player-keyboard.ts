"use client";

import { useEffect, type RefObject } from "react";
import { SPEEDS, seekElement, toggleElement } from "./media-element";
import { isTypingTarget } from "./time";

/** The player's keys (space, ←/→, [ and ]), anywhere on the page except while typing. */
export function usePlayerKeyboard(
  keyboard: boolean,
  audioRef: RefObject<HTMLAudioElement | null>,
  setSpeed: (speed: number) => void,
) {
  useEffect(() => {
    if (!keyboard) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      const a = audioRef.current;
      if (!a) return;
      if (e.key === " ") {
        if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement) return; // the focused control's own Space
        e.preventDefault();
        toggleElement(a);
      } else if (e.key === "ArrowLeft") {
        e.preventDefault();
        seekElement(a, a.currentTime - 5);
      } else if (e.key === "ArrowRight") {
        e.preventDefault();
        seekElement(a, a.currentTime + 5);
      } else if (e.key === "[" || e.key === "]") {
        const i = SPEEDS.findIndex((s) => s >= a.playbackRate);
        const next =
          SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? SPEEDS.length - 1 : i) + (e.key === "]" ? 1 : -1)))]!;
        a.playbackRate = next;
        setSpeed(next);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [keyboard, audioRef, setSpeed]);
}
