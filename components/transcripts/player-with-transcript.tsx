"use client";

import { useRef, useState, type ComponentProps } from "react";
import { AudioPlayer, type PlayerApi } from "@/components/audio/audio-player";
import type { TranscriptView } from "@/lib/transcripts/view";
import { TranscriptPanel } from "./transcript-panel";

/** The record page's player with its transcript following it (the server page cannot hold the player's state). */
export function PlayerWithTranscript({
  transcript,
  ...player
}: Omit<ComponentProps<typeof AudioPlayer>, "apiRef" | "onTime"> & { transcript: TranscriptView | null }) {
  const api = useRef<PlayerApi | null>(null);
  const [time, setTime] = useState(player.initialTime ?? 0);
  return (
    <>
      <AudioPlayer {...player} apiRef={api} onTime={setTime} />
      <TranscriptPanel transcript={transcript} time={time} onSeek={(s) => api.current?.seek(s)} />
    </>
  );
}
