import { guardedByIdLayout } from "@/components/auth/guard";
import { callRecordExists } from "@/lib/call-records/query/data";

export default guardedByIdLayout("calls:read", callRecordExists);
