/** The session cookie's name (a module of its own: proxy.ts reads it without the database). */
export const SESSION_COOKIE = "lvr_session";
