import type { z } from "zod";
import type { Permission } from "../auth/permissions";

/**
 * One endpoint of the REST API, as data: the route handler (through
 * handler.ts) validates with these schemas, and the OpenAPI document
 * (openapi.ts) is generated from the same ones, so the two cannot disagree.
 */
export interface ApiOperation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: "get" | "post" | "patch" | "delete";
  /** Relative to /api/v1, OpenAPI template syntax: `/call-records/{call_record_id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** null: no personal access token (the OpenAPI document, and ingest, which takes an ingest token: `auth`). */
  permission: Permission | null;
  /** The credential: a personal access token (default), an ingest token, or none. */
  auth?: "token" | "ingest" | "none";
  params?: P;
  query?: Q;
  /**
   * The query is parsed by the handler itself (the /calls parameters, which
   * repeat and go through the page's own parser); `query` then only documents it.
   */
  queryParsedByHandler?: boolean;
  body?: B;
  headers?: { name: string; description: string; required?: boolean }[];
  /** Success answers; the error answers are documented for every operation. */
  responses: Record<
    number,
    { description: string; schema: z.ZodType; /** A file, not JSON (documented as binary). */ contentType?: string }
  >;
}

export const OPERATIONS: ApiOperation[] = [];

export function defineOperation<
  P extends z.ZodType = z.ZodObject<Record<string, never>>,
  Q extends z.ZodType = z.ZodObject<Record<string, never>>,
  B extends z.ZodType = z.ZodUndefined,
>(op: ApiOperation<P, Q, B>): ApiOperation<P, Q, B> {
  OPERATIONS.push(op as unknown as ApiOperation);
  return op;
}

type Method = ApiOperation["method"];

/** `GET /jobs/{robot_call_job_id}`: the method and the path, as the API's documentation writes them. */
type Route = `${Uppercase<Method>} /${string}`;

/**
 * Defines the operations of one tag: each says its operationId and its route
 * (`"GET /jobs/{robot_call_job_id}"`), the tag is said once.
 */
export function operationsTagged(tag: string) {
  return function operation<
    P extends z.ZodType = z.ZodObject<Record<string, never>>,
    Q extends z.ZodType = z.ZodObject<Record<string, never>>,
    B extends z.ZodType = z.ZodUndefined,
  >(
    operationId: string,
    route: Route,
    op: Omit<ApiOperation<P, Q, B>, "operationId" | "method" | "path" | "tag">,
  ): ApiOperation<P, Q, B> {
    const space = route.indexOf(" ");
    const method = route.slice(0, space).toLowerCase() as Method;
    return defineOperation<P, Q, B>({ operationId, method, path: route.slice(space + 1), tag, ...op });
  };
}

/** The one success answer of most operations: 200 (or `status`) with a JSON body. */
export function ok(description: string, schema: z.ZodType, status = 200): ApiOperation["responses"] {
  return { [status]: { description, schema } };
}
