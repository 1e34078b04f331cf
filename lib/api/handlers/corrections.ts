import "server-only";
import type { z } from "zod";
import { runActionAs, type ActionPrincipal } from "../../actions/wrapper";
import { correctRecord, withdrawRecordCorrection } from "../../corrections/actions";
import { invalidParams } from "../errors";
import type { ApiAnswer, ApiRequest } from "../handler";
import type { correctionBody } from "../schemas/corrections";
import { unwrap } from "./action-result";

const asPrincipal = (p: ApiRequest<unknown, unknown, unknown>["principal"]): ActionPrincipal => ({
  user: p.user,
  session: null,
  readOnly: p.token.readOnly,
});

export async function correctCallRecordHandler(
  req: ApiRequest<{ call_record_id: string }, unknown, z.output<typeof correctionBody>>,
): Promise<ApiAnswer> {
  const answer = unwrap(
    await runActionAs(correctRecord, asPrincipal(req.principal), {
      callRecordId: req.params.call_record_id,
      fields: req.body.fields,
      reason: req.body.reason,
    }),
  );
  if (!answer.saved)
    throw invalidParams(
      answer.errors.map((e) => ({ param: e.field === "fields" ? "fields" : `fields.${e.field}`, message: e.message })),
    );
  return { body: answer.payload };
}

export async function withdrawCorrectionHandler(
  req: ApiRequest<{ call_record_id: string }, unknown, unknown>,
): Promise<ApiAnswer> {
  const out = unwrap(
    await runActionAs(withdrawRecordCorrection, asPrincipal(req.principal), {
      callRecordId: req.params.call_record_id,
    }),
  );
  return { body: { ...out.payload, withdrawn: out.withdrawn } };
}
