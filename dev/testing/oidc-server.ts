import { startTestProvider } from "./oidc-provider";

/**
 * The real OIDC provider of the end-to-end run (playwright.config.ts starts
 * it beside the console, with the settings below in its environment): the
 * console is its one client, and two people may sign in at its own login
 * page with any password. One is in the supervisors' group; the other is in
 * no group the console maps.
 */

const port = Number(process.env.OIDC_E2E_PORT);
const consoleUrl = process.env.OIDC_E2E_CONSOLE_URL;
const clientId = process.env.OIDC_E2E_CLIENT_ID;
const clientSecret = process.env.OIDC_E2E_CLIENT_SECRET;
if (!port || !consoleUrl || !clientId || !clientSecret) {
  throw new Error("OIDC_E2E_PORT, OIDC_E2E_CONSOLE_URL, OIDC_E2E_CLIENT_ID and OIDC_E2E_CLIENT_SECRET are needed");
}
const provider = await startTestProvider(`${consoleUrl}/api/auth/oidc/callback`, [{ clientId, clientSecret }], port);
provider.people.set("sso-supervisor", {
  email: "sso.supervisor@idp.test",
  name: "Sso Supervisor",
  groups: ["lvr-supervisors"],
});
provider.people.set("sso-outsider", { email: "sso.outsider@idp.test", name: "Sso Outsider", groups: ["staff"] });
process.stdout.write(`OIDC provider at ${provider.issuer}\n`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
