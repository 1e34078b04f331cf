"use client";

import { DeleteNamed } from "@/components/ui/delete-with-confirm";
import { deleteReportingRule } from "@/lib/rules/actions";

/** Deleting asks first: the rule stops sending, its batches stay. */
export function DeleteRule({ ruleId, name }: { ruleId: string; name: string }) {
  return (
    <DeleteNamed messages="rules.delete" name={name} remove={() => deleteReportingRule({ ruleId })} then="/rules" />
  );
}
