/**
 * The demo's TOP app: the credentials `npm start` gives both the product and
 * the local TOP emulator it starts when no TOP_GATEWAY_URL is set. They sign
 * requests that never leave the machine; a real gateway takes the firm's own
 * TOP_APP_KEY and TOP_APP_SECRET.
 */
export const DEMO_TOP_APP_KEY = "lvr-demo";
export const DEMO_TOP_APP_SECRET = "lvr-demo-secret-change-me";
