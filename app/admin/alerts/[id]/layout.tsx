import { guardedByIdLayout } from "@/components/auth/guard";
import { getChannel } from "@/lib/alerts/data";

export default guardedByIdLayout("alerts:manage", async (n) => (await getChannel(n)) !== null);
