/** Expiries offered on /account/tokens (zod-free: the form in the browser imports it). */
export const EXPIRY_DAYS = [7, 30, 90, 365] as const;
