import { z } from "zod";
import { errorSchema } from "./errors";
import { OPERATIONS, type ApiOperation } from "./operation";
import "./operations";
import { REPEATED_PARAMS } from "./schemas/call-records";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the
 * routes validate with (zod 4's JSON Schema output, draft 2020-12, which is
 * OpenAPI 3.1's dialect). Nothing here is written by hand but prose.
 */

type JsonSchema = Record<string, unknown>;

const ERRORS: Record<number, string> = {
  400: "Invalid input: `details` names each parameter and why",
  401: "No token, or an unknown, revoked or expired one, or its owner is disabled",
  403: "The token's owner's role (or a read-only token) may not do this",
  404: "Not found",
  409: "Conflict: the state forbids it, or an Idempotency-Key reused with another body",
  413: "Body over 1 MiB",
  429: "Over the token's rate limit: retry after `Retry-After` seconds",
};

function collect(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    reused: "inline",
    override: bigintAsString,
  });
  const doc = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  const { $defs, $schema: _s, ...rest } = doc;
  for (const [name, def] of Object.entries($defs ?? {})) components[name] = def;
  return rest;
}

function bigintAsString(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }) {
  if (ctx.zodSchema._zod.def.type === "bigint")
    Object.assign(ctx.jsonSchema, { type: "string", pattern: "^\\d{1,19}$" });
}

/** A registered schema (`.meta({ id })`) becomes a component, referenced from wherever it is used. */
function schemaRef(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const meta = z.globalRegistry.get(schema) as { id?: string } | undefined;
  const json = collect(schema, io, components);
  if (!meta?.id) return json;
  // zod answers a registered schema as a $ref to its own $defs entry (now a component): keep that one.
  if (json.$ref !== `#/components/schemas/${meta.id}`) {
    const { id: _id, ...def } = json;
    components[meta.id] = def;
  }
  return { $ref: `#/components/schemas/${meta.id}` };
}

function parameters(op: ApiOperation, components: Record<string, JsonSchema>): JsonSchema[] {
  const list: JsonSchema[] = [];
  const objectShape = (s: z.ZodType | undefined) =>
    s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : {};
  for (const [name, s] of Object.entries(objectShape(op.params)))
    list.push({ name, in: "path", required: true, schema: collect(s, "input", components) });
  for (const [name, s] of Object.entries(objectShape(op.query))) {
    const schema = collect(s, "input", components);
    const { description, ...rest } = schema;
    list.push({
      name,
      in: "query",
      required: false,
      ...(description ? { description } : {}),
      schema: rest,
      ...(REPEATED_PARAMS.has(name) && op.queryParsedByHandler ? { style: "form", explode: true } : {}),
    });
  }
  for (const h of op.headers ?? [])
    list.push({
      name: h.name,
      in: "header",
      required: h.required ?? false,
      description: h.description,
      schema: { type: "string", maxLength: 255 },
    });
  return list;
}

export function openApiDocument(serverUrl = "/api/v1"): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const errorRef = schemaRef(errorSchema, "output", components);
  for (const op of OPERATIONS) {
    const responses: Record<string, JsonSchema> = {};
    for (const [status, r] of Object.entries(op.responses))
      responses[status] = {
        description: r.description,
        content: r.contentType
          ? { [r.contentType]: { schema: { type: "string", format: "binary" } } }
          : { "application/json": { schema: schemaRef(r.schema, "output", components) } },
      };
    if (op.auth !== "none") {
      for (const [status, description] of Object.entries(ERRORS)) {
        if (op.auth === "ingest" && (status === "403" || status === "404" || status === "409" || status === "429"))
          continue;
        if (status === "413" && !op.body) continue;
        responses[status] = { description, content: { "application/json": { schema: errorRef } } };
      }
    }
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.permission
        ? { "x-permission": op.permission }
        : { security: op.auth === "ingest" ? [{ ingestToken: [] }] : [] }),
      parameters: parameters(op, components),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schemaRef(op.body, "input", components) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "LVR Console API",
      version: "1",
      description:
        "Everything a supervisor does in the console, for scripts. Authenticate with a personal access token: `Authorization: Bearer lvr_pat_…` " +
        "(create one on /account/tokens or with `npm run token:create`). Every response carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "lvr_pat_…",
          description: "A personal access token",
        },
        ingestToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "lvr_ing_…",
          description: "A named ingest token, or INGEST_TOKEN",
        },
      },
    },
  };
}
