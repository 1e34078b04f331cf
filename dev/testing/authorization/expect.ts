import { ROLES, type Role } from "../../../lib/auth/permissions";

/** What a role may do with one entry of the authorization matrix (lib/auth/authorization-matrix.test.ts). */
export type Expect = "allow" | "deny";
/** An /api/v1 route: by role, open to anyone, or the ingest credential's. */
export type ApiExpect = Record<Role, Expect> | "public" | "ingest";

/** Allowed from `min` up the role ladder, refused below it. */
export const onlyFrom = (min: Role): Record<Role, Expect> =>
  Object.fromEntries(ROLES.map((r) => [r, ROLES.indexOf(r) >= ROLES.indexOf(min) ? "allow" : "deny"])) as Record<
    Role,
    Expect
  >;
