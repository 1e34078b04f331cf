import { guardedByIdLayout } from "@/components/auth/guard";
import { getRule } from "@/lib/rules/data";

export default guardedByIdLayout("rules:read", async (n) => (await getRule(n)) !== null);
