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

/** One server action of the matrix: its name in ACTION_REGISTRY, a call with a harmless input, and who may call it. */
export interface MatrixAction {
  name: string;
  call: () => Promise<{ ok: boolean; code?: string }>;
  expect: Record<Role, Expect>;
}

/** Actions allowed from `min` up the role ladder, by name, in the order written. */
export const allowedFrom = (min: Role, calls: Record<string, MatrixAction["call"]>): MatrixAction[] =>
  Object.entries(calls).map(([name, call]) => ({ name, call, expect: onlyFrom(min) }));
