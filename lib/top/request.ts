import { RECEIVE_CALL_RECORD_METHOD, type IvrCallRecordDto } from "./dto";
import type { TopConfig } from "./config";
import { serializeCallRecordDto, serializeTopJson } from "./serialize";
import { signTopParams } from "./sign";
import { formatGmt8 } from "./timestamp";

export interface TopRequest {
  /** Every parameter sent, `sign` included; the secret is never among them. */
  params: Record<string, string>;
  /** application/x-www-form-urlencoded;charset=UTF-8 body. */
  body: string;
}

/**
 * Builds the signed request for one call record. Empty parameters are
 * neither sent nor signed (as the Java SDK does).
 */
export function buildReceiveCallRecordRequest(
  config: Pick<TopConfig, "appKey" | "appSecret" | "signMethod" | "format" | "session" | "partnerId">,
  record: IvrCallRecordDto,
  opts: { rpcContext?: object; now?: Date; simplify?: boolean } = {},
): TopRequest {
  const candidate: Record<string, string | undefined> = {
    method: RECEIVE_CALL_RECORD_METHOD,
    app_key: config.appKey,
    timestamp: formatGmt8(opts.now ?? new Date()),
    v: "2.0",
    sign_method: config.signMethod,
    format: config.format,
    session: config.session,
    partner_id: config.partnerId,
    simplify: opts.simplify ? "true" : undefined,
    rpc_context: serializeTopJson(opts.rpcContext ?? {}),
    ivr_call_record_d_t_o: serializeCallRecordDto(record),
  };
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(candidate)) if (v !== undefined && v !== "") params[k] = v;
  params.sign = signTopParams(params, config.appSecret, config.signMethod);
  return { params, body: encodeForm(params) };
}

/** UTF-8 form encoding with %20 for spaces (gateways accept `+` and `%20` alike). */
export function encodeForm(params: Readonly<Record<string, string>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
}
