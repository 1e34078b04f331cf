import type { TopConfig } from "./config";
import type { IvrCallRecordDto, LvmsResultDto, TopErrorResponse } from "./dto";
import { classifyAnswer, type TopOutcomeKind } from "./classify";
import { createAgents, postForm, TransportError } from "./http";
import { parseTopAnswer } from "./parse-response";
import { buildReceiveCallRecordRequest } from "./request";

export interface TopCallResult {
  kind: TopOutcomeKind;
  result?: LvmsResultDto;
  error?: TopErrorResponse;
  requestId?: string;
  httpStatus?: number;
  latencyMs: number;
  retryAfterMs?: number;
  /** Why a transient failure happened when there was no TOP error to show (timeout, HTTP 502, garbage body). */
  transportError?: string;
  /** The exact parameters sent (sign included, secret never), for the submission ledger. */
  sentParams: Record<string, string>;
  /** The answer's body as received (first 4 KiB), for people working out what went wrong. */
  rawAnswer?: string;
}

export interface TopClient {
  receiveCallRecord(
    record: IvrCallRecordDto,
    opts?: { rpcContext?: object; signal?: AbortSignal; now?: Date },
  ): Promise<TopCallResult>;
  close(): void;
}

const RAW_ANSWER_CHARS = 4096;

export function createTopClient(config: TopConfig): TopClient {
  const agents = createAgents();
  const url = new URL(config.gatewayUrl);
  return {
    async receiveCallRecord(record, opts = {}) {
      const request = buildReceiveCallRecordRequest(config, record, opts);
      const started = performance.now();
      const latency = () => Math.round((performance.now() - started) * 10) / 10;
      let answer;
      try {
        answer = await postForm(url, request.body, {
          agents,
          connectTimeoutMs: config.connectTimeoutMs,
          timeoutMs: config.timeoutMs,
          signal: opts.signal,
        });
      } catch (err) {
        const message = err instanceof TransportError ? err.message : "request failed";
        return { kind: "transient", latencyMs: latency(), transportError: message, sentParams: request.params };
      }
      const base = {
        httpStatus: answer.status,
        latencyMs: latency(),
        sentParams: request.params,
        rawAnswer: answer.body.slice(0, RAW_ANSWER_CHARS),
      };
      if (answer.status !== 200) {
        return { kind: "transient", ...base, transportError: `HTTP ${answer.status} from the gateway` };
      }
      const parsed = parseTopAnswer(answer.body, answer.contentType);
      if (!parsed.ok) return { kind: "transient", ...base, transportError: `unreadable answer: ${parsed.reason}` };
      const { kind, retryAfterMs } = classifyAnswer(parsed);
      return {
        kind,
        ...base,
        ...(parsed.result ? { result: parsed.result } : {}),
        ...(parsed.error ? { error: parsed.error } : {}),
        ...(parsed.requestId ? { requestId: parsed.requestId } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      };
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
