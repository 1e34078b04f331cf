import type { Role } from "./permissions";

/** The demo's accounts, one per role, created by `npm start` when it seeds the embedded demo. */
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.local", name: "Demo admin", role: "admin" },
  { email: "supervisor@demo.local", name: "Demo supervisor", role: "supervisor" },
  { email: "reviewer@demo.local", name: "Demo reviewer", role: "reviewer" },
  { email: "operator@demo.local", name: "Demo operator", role: "operator" },
];

export const DEMO_EMAILS: ReadonlySet<string> = new Set(DEMO_USERS.map((u) => u.email));
