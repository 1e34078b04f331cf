import http from "node:http";
import type { AddressInfo } from "node:net";
import { checkProtocol } from "./checks";
import { FaultDice, faultsSchema, NO_FAULTS, QpsGate, type FaultConfig, type FaultInput } from "./faults";
import { BodyError, readParams } from "./params";
import { ReceivedLog } from "./received";
import { receiveCallRecord } from "./receive-call-record";
import { send, sendError, sendResult, type AnswerFormat } from "./respond";
import { commaList } from "../../lib/input/comma-list";

/**
 * A local TOP gateway for alibaba.lvms.lvr.receivecallrecord: the product
 * talks to it over HTTP exactly as to the real one.
 *   /router/rest          the gateway (GET and POST)
 *   /__emulator/received  what was accepted (GET), /__emulator/reset (POST)
 *   /__emulator/received/<call_record_id>  the last parameters received for that record (GET; 404 when none)
 *   /__emulator/faults    fault injection (GET current, POST new)
 */

export interface TopEmulatorOptions {
  port?: number;
  host?: string;
  /** app key → secret */
  apps: ReadonlyMap<string, string>;
  faults?: FaultInput;
  /** The gateway's clock (tests move it to check skew). */
  now?: () => number;
}

export interface TopEmulator {
  url: string;
  gatewayUrl: string;
  port: number;
  received: ReceivedLog;
  setFaults(input: FaultInput): FaultConfig;
  close(): Promise<void>;
}

export async function startTopEmulator(opts: TopEmulatorOptions): Promise<TopEmulator> {
  const now = opts.now ?? Date.now;
  const received = new ReceivedLog();
  const qps = new QpsGate();
  let dice = new FaultDice(opts.faults ? faultsSchema.parse(opts.faults) : NO_FAULTS);
  const hanging = new Set<http.ServerResponse>();

  const setFaults = (input: FaultInput) => {
    dice = new FaultDice(faultsSchema.parse(input));
    return dice.config;
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent)
        send(
          res,
          "application/json;charset=UTF-8",
          JSON.stringify({ error: (err as Error).message }),
          err instanceof BodyError ? 400 : 500,
        );
    });
  });
  server.keepAliveTimeout = 65_000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://emulator");
    if (url.pathname === "/__emulator/received" && req.method === "GET") {
      return send(res, "application/json;charset=UTF-8", JSON.stringify(received));
    }
    const one = /^\/__emulator\/received\/(\d{1,19})$/.exec(url.pathname);
    if (one && req.method === "GET") {
      const entry = received.paramsOf(one[1]!);
      return entry
        ? send(res, "application/json;charset=UTF-8", JSON.stringify(entry))
        : send(res, "application/json;charset=UTF-8", JSON.stringify({ error: "nothing received for this id" }), 404);
    }
    if (url.pathname === "/__emulator/reset" && req.method === "POST") {
      received.clear();
      return send(res, "application/json;charset=UTF-8", JSON.stringify({ ok: true }));
    }
    if (url.pathname === "/__emulator/faults") {
      if (req.method === "GET") return send(res, "application/json;charset=UTF-8", JSON.stringify(dice.config));
      if (req.method === "POST") return postFaults(req, res);
    }
    if (url.pathname !== "/router/rest" || (req.method !== "GET" && req.method !== "POST")) {
      return send(res, "text/plain;charset=UTF-8", "not found", 404);
    }

    const params = await readParams(req, url);
    received.addParams(params, new Date(now()));
    const fmt: AnswerFormat = {
      format: params.format === "json" ? "json" : "xml",
      simplify: params.simplify === "true",
    };

    const delay = dice.delayMs();
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const transport = dice.transport();
    if (transport) {
      switch (transport.type) {
        case "timeout":
          hanging.add(res);
          res.on("close", () => hanging.delete(res));
          return; // never answers
        case "http":
          return send(
            res,
            "text/html;charset=UTF-8",
            `<html><body><h1>${transport.status}</h1></body></html>`,
            transport.status,
          );
        case "garbage":
          return send(res, "text/html;charset=UTF-8", "<html><body>upstream said something else</body></html>");
        case "truncated":
          return send(
            res,
            "application/json;charset=UTF-8",
            '{"alibaba_lvms_lvr_receivecallrecord_response":{"lvms_result_d_t_o":{"count":1,"succ',
          );
      }
    }

    const protocolError = checkProtocol(params, opts.apps, now());
    if (protocolError) return sendError(res, fmt, protocolError);

    const appKey = params.app_key!;
    const ban = qps.check(appKey, dice.config.qpsCap, now());
    if (ban) return sendError(res, fmt, rateLimited(ban));
    const fault = dice.platform();
    if (fault?.type === "rateLimit") return sendError(res, fmt, rateLimited(fault.banSeconds));
    if (fault?.type === "ispTimeout") {
      return sendError(res, fmt, {
        code: 15,
        msg: "Remote service error",
        sub_code: "isp.top-remote-connection-timeout",
        sub_msg: "远程服务调用超时",
      });
    }

    const outcome = receiveCallRecord(params);
    if (outcome.kind === "error") return sendError(res, fmt, outcome.error);
    if (fault?.type === "businessReject" && outcome.result.success) {
      return sendResult(res, fmt, {
        count: 0,
        success: false,
        code: "BIZ_REJECTED",
        message: "业务校验未通过：案件状态不允许接收通话记录",
      });
    }
    if (outcome.record) received.add(appKey, outcome.record.callRecordId, outcome.record.jobId, new Date(now()));
    return sendResult(res, fmt, outcome.result);
  }

  async function postFaults(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let input: unknown;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    } catch {
      return send(res, "application/json;charset=UTF-8", JSON.stringify({ error: "body is not JSON" }), 400);
    }
    const parsed = faultsSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      return send(res, "application/json;charset=UTF-8", JSON.stringify({ error: "invalid faults", issues }), 400);
    }
    dice = new FaultDice(parsed.data);
    return send(res, "application/json;charset=UTF-8", JSON.stringify(parsed.data));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1";
  const url = `http://${host}:${port}`;
  return {
    url,
    gatewayUrl: `${url}/router/rest`,
    port,
    received,
    setFaults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function rateLimited(seconds: number) {
  return {
    code: 7,
    msg: "App Call Limited",
    sub_code: "accesscontrol.limited-by-app-access-count",
    sub_msg: `This ban will last for ${seconds} more seconds`,
  };
}

/** `key1:secret1,key2:secret2` → Map; secrets may contain ':' after the first one. */
export function parseApps(spec: string): Map<string, string> {
  const apps = new Map<string, string>();
  for (const pair of commaList(spec)) {
    const i = pair.indexOf(":");
    if (i <= 0 || i === pair.length - 1)
      throw new Error(`TOP_EMULATOR_APPS: "${pair.split(":")[0]}…" is not key:secret`);
    apps.set(pair.slice(0, i), pair.slice(i + 1));
  }
  if (!apps.size) throw new Error("TOP_EMULATOR_APPS lists no app");
  return apps;
}
