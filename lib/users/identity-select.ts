/** Who a user is and whether they may sign in: the fields every read of a user starts with. */
export const USER_IDENTITY_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
} as const;
