import { z } from "zod";
import { MAX_PAGE_SIZE } from "../api/list-query";
import { INGEST_OPERATION } from "./delivery-events";
import { API_OPERATIONS, type ApiOperation } from "./operations";
import { problemSchema } from "./problem";

// The API's OpenAPI 3.1 document, generated from the same zod contracts the views are checked
// against, so the document cannot say something the API does not do.

const jsonSchema = (schema: z.ZodType, io: "input" | "output" = "output") => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const parameter = (name: string, where: "path" | "query", description: string, schema: Record<string, unknown>, required = where === "path") => ({
  name,
  in: where,
  required,
  description,
  schema,
});

function operation(op: ApiOperation) {
  const params = [
    ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => parameter(m[1]!, "path", op.pathParams?.[m[1]!] ?? m[1]!, { type: "string" })),
    ...(op.list
      ? [
          parameter("limit", "query", `Items per page (1–${MAX_PAGE_SIZE}).`, { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 }),
          parameter("cursor", "query", "The nextCursor of the page before.", { type: "string" }),
        ]
      : []),
    ...Object.entries(op.query ?? {}).map(([name, q]) => parameter(name, "query", q.description, q.schema, false)),
  ];
  return {
    operationId: op.id,
    summary: op.summary,
    description: op.description,
    tags: [op.tag],
    parameters: params,
    responses: {
      200: {
        description: "OK",
        headers: { ETag: { description: "The version of what was read: send it back as If-None-Match.", schema: { type: "string" } } },
        content: { "application/json": { schema: { $ref: `#/components/schemas/${op.schemaName}` } } },
      },
      304: { description: "Not modified since the ETag sent in If-None-Match." },
      400: problemResponse("A parameter is malformed (a bad cursor, a page size out of bounds)."),
      401: problemResponse("No token, or one that is malformed, expired or revoked."),
      403: problemResponse(
        "The token's scopes do not allow this; or the organisation keeps each team's own results to the team and its leads (type urn:stave:problem:results-private), which a token is not.",
      ),
      404: problemResponse("Nothing with that id in the token's organisation."),
      422: problemResponse("Not there yet: a draft assessment has no results."),
      429: {
        ...problemResponse("Too many requests with this token; wait as Retry-After says."),
        headers: { "Retry-After": { description: "Seconds until the token may ask again.", schema: { type: "integer" } } },
      },
    },
  };
}

/** The one write: delivery events, with the problems a sender meets. */
function ingestOperation() {
  const op = INGEST_OPERATION;
  return {
    operationId: op.id,
    summary: op.summary,
    description: op.description,
    tags: [op.tag],
    requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${op.requestName}` } } } },
    responses: {
      200: { description: "Recorded (or already recorded).", content: { "application/json": { schema: { $ref: `#/components/schemas/${op.schemaName}` } } } },
      400: problemResponse("Not JSON, or an event is malformed or its time implausible; errors point at it. Nothing was recorded."),
      401: problemResponse("No token, or one that is malformed, expired or revoked."),
      403: problemResponse("The token lacks the events:write scope."),
      413: problemResponse("The body is over 1 MB: send the events in several requests."),
      429: {
        ...problemResponse("Too many requests with this token; wait as Retry-After says."),
        headers: { "Retry-After": { description: "Seconds until the token may ask again.", schema: { type: "integer" } } },
      },
    },
  };
}

/** The OpenAPI 3.1 document of `/api/v1`, for a server at `origin`. */
export function openApiDocument(origin: string) {
  const schemas: Record<string, unknown> = { Problem: jsonSchema(problemSchema) };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    schemas[op.schemaName] = jsonSchema(op.schema);
    paths[op.path] = { get: operation(op) };
  }
  schemas[INGEST_OPERATION.requestName] = jsonSchema(INGEST_OPERATION.request, "input");
  schemas[INGEST_OPERATION.schemaName] = jsonSchema(INGEST_OPERATION.schema);
  paths[INGEST_OPERATION.path] = { post: ingestOperation() };
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Stave API",
      version: "1.0.0",
      description:
        "Read an organisation's maturity assessments: teams, their trend (the water level and the weakest stave over time), submitted assessments, the dashboard's aggregates with the small-group privacy rule applied, models and workshop reports; and send delivery events (deployments, changes, incidents).",
    },
    servers: [{ url: `${origin}/api/v1` }],
    security: [{ bearer: [] }],
    components: {
      schemas,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token an owner or admin created under API tokens." } },
    },
    paths,
  };
}
