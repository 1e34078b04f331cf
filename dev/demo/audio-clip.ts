import type { DemoIntentGroupKey } from "./intents";

/** One demo recording in public/demo-audio/, as scripts/make-demo-audio.sh lists it in audio-manifest.ts. */
export interface DemoAudioClip {
  /** File name under public/demo-audio/. */
  file: string;
  durationSeconds: number;
  contentType: "audio/mpeg";
  /** The intent level the conversation ends in, so a record's audio fits its label. */
  intent: { group: DemoIntentGroupKey; code: number };
  title: string;
  transcript: string;
}
