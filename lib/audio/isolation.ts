import { AUDIO_HEADERS } from "../http/audio-isolation.js";

/**
 * Wraps the /api/audio handler so that every answer it gives (the recording,
 * a refusal, a 401 before the session is even read) carries the isolation
 * headers of lib/http/audio-isolation.js.
 */
export function isolatedAudio<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const res = await handler(request, context);
    const headers = new Headers(res.headers);
    for (const { key, value } of AUDIO_HEADERS) headers.set(key, value);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}
