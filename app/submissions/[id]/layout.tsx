import { guardedByIdLayout } from "@/components/auth/guard";
import { batchExists } from "@/lib/submissions/data";

export default guardedByIdLayout("calls:read", batchExists);
