import { guardedByIdLayout } from "@/components/auth/guard";
import { jobExists } from "@/lib/jobs/data";

export default guardedByIdLayout("calls:read", jobExists, "jobId");
