/** The audio route's error codes (lib/audio/recording.ts) that the player has a sentence for; others are shown as "unknown" with their code. */
export const AUDIO_ERROR_CODES = [
  "no_recording",
  "bad_link",
  "host_not_allowed",
  "not_found",
  "refused",
  "upstream_failed",
  "upstream_status",
  "too_large",
  "too_many_redirects",
  "range_not_satisfiable",
  "media_error",
  "invalid_link",
  "not_audio",
] as const;
export type AudioErrorCode = (typeof AUDIO_ERROR_CODES)[number];
