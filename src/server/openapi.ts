/** The OpenAPI 3.1 document, built from the very TypeBox schemas the routes validate with. */
import type { RouteOptions } from "fastify";

interface Operation {
  summary?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: unknown[];
}

export interface RouteSchema {
  summary?: string;
  body?: unknown;
  querystring?: { properties?: Record<string, unknown>; required?: string[] };
  params?: { properties?: Record<string, unknown>; required?: string[] };
  response?: Record<string, unknown>;
}

/** Collects routes as they are registered (fastify's onRoute hook). */
export class OpenApiCollector {
  private readonly paths: Record<string, Record<string, Operation>> = {};

  add(route: RouteOptions): void {
    const schema = (route.schema ?? {}) as RouteSchema;
    const url = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== "HEAD");
    const parameters = [...paramsOf(schema.params, "path"), ...paramsOf(schema.querystring, "query")];
    const operation: Operation = {
      ...(schema.summary !== undefined ? { summary: schema.summary } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(schema.body !== undefined
        ? { requestBody: { required: true, content: { "application/json": { schema: plain(schema.body) } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(schema.response ?? { 200: {} }).map(([status, body]) => [
          status,
          { description: status, content: { "application/json": { schema: plain(body) } } },
        ]),
      ),
    };
    const entry = (this.paths[url] ??= {});
    for (const method of methods) entry[method.toLowerCase()] = operation;
  }

  document(): Record<string, unknown> {
    return {
      openapi: "3.1.0",
      info: { title: "Cadence store", version: "1.0.0" },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
      paths: this.paths,
    };
  }
}

function paramsOf(schema: RouteSchema["querystring"], where: "path" | "query"): unknown[] {
  return Object.entries(schema?.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (schema?.required ?? []).includes(name),
    schema: plain(s),
  }));
}

/** TypeBox adds symbol keys; a JSON round trip leaves plain JSON Schema. */
function plain(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema ?? {})) as unknown;
}
