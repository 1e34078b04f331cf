export { createTopClient, type TopCallResult, type TopClient } from "./client";
export { classifyAnswer, banSeconds, type TopOutcomeKind } from "./classify";
export type { TopConfig } from "./config";
export * from "./dto";
export { parseTopAnswer, decodeEntities } from "./parse-response";
export { buildReceiveCallRecordRequest, encodeForm } from "./request";
export { serializeCallRecordDto, serializeTopJson } from "./serialize";
export { signTopParams, verifyTopSign, signingString, SIGN_METHODS, isSignMethod, type SignMethod } from "./sign";
export { formatGmt8, parseGmt8 } from "./timestamp";
