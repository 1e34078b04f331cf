import { z } from "zod";
import { positiveInt64IdSchema } from "../input/schema";

export const newPasswordSchema = z.string().min(1, "Enter the new password").max(1024);

export const changePasswordInput = z.object({
  current: z.string().min(1, "Enter your current password").max(1024),
  next: newPasswordSchema,
});
export const setPasswordInput = z.object({ next: newPasswordSchema });
export const codeInput = z.object({ code: z.string().trim().min(6, "Enter the code").max(40) });
export const sessionIdInput = z.object({ sessionId: positiveInt64IdSchema("must be a session id") });
export const reauthInput = z.object({ secret: z.string().min(1, "Enter your password or a code").max(1024) });
