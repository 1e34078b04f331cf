/** The demo accounts' password (DEMO_PASSWORD's default; the e2e product runs with it). */
export const DEMO_PASSWORD = "lvr-demo-2026";
