/** How the end-to-end specs and the page benchmark start Chromium: headless, sandbox and GPU off, nothing fetched in the background. */
export const HEADLESS_CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
