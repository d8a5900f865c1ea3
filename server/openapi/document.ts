import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../infra/paths';
import { openApiPath, type RouteSpec } from '../http/route';
import { CONTENT, TAGS, type Auth, type Method, type Tag } from './vocabulary';

type Operation = RouteSpec;

/** A JSON Schema (2020-12), as OpenAPI 3.1 takes it. */
export type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface MediaType {
  schema?: JsonSchema;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaType>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  /** The summary in each language, for the HTML page. */
  'x-summary': { it: string; en: string };
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { required: true; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<Method, OperationObject>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
  };
}

/** The JSON Schema of what a zod schema accepts (its input: before defaults and transforms). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** The body of every error answer (server/http/errors.ts). */
const errorBody = z.object({
  error: z.object({
    code: z.string().describe('bad_request, not_found, conflict, unprocessable, …'),
    message: z.string().describe('in Italian and English'),
    details: z.unknown().optional().describe('e.g. one entry per invalid field, or the unknown codes'),
    requestId: z.string().optional().describe('on 5xx: quote it when reporting the problem'),
  }),
});

const SECURITY_SCHEMES: Record<Auth, string[]> = { edit: ['editToken'], admin: ['adminToken'], member: ['memberToken'], editOrAdmin: ['editToken', 'adminToken'] };

const securitySchemes: OpenApiDocument['components']['securitySchemes'] = {
  editToken: { type: 'http', scheme: 'bearer', description: "The alliance's secret edit token, given once when it is saved (the edit link's #edit=…)" },
  adminToken: { type: 'http', scheme: 'bearer', description: "The server's ADMIN_TOKEN (administrators)" },
  memberToken: { type: 'http', scheme: 'bearer', description: "A member Comune's token from its invitation link" },
};

export const tagName = (tag: Tag) => (TAGS[tag].it === TAGS[tag].en ? TAGS[tag].it : `${TAGS[tag].it} / ${TAGS[tag].en}`);

/** The errors an operation can answer, from what it takes; its own `responses` say more and win. */
function commonErrors(op: Operation): Record<number, string> {
  const errors: Record<number, string> = {};
  if (op.query || op.body || op.params) errors[400] = 'malformed request: details lists each problem';
  if (op.auth) {
    errors[401] = 'no Authorization: Bearer token';
    errors[403] = 'the token is not valid here';
  }
  if (op.ifMatch) {
    errors[409] = 'someone saved a newer version (details.currentVersion)';
    errors[428] = 'no If-Match';
  }
  if (op.body) errors[413] = 'body over 1 MB';
  errors[429] = 'over a rate limit (RateLimit headers)';
  errors[503] = 'database unavailable (Retry-After)';
  return errors;
}

const EMPTY = new Set([204, 304]);

function responsesOf(op: Operation): Record<string, ResponseObject> {
  const all = { ...commonErrors(op), ...op.responses };
  const produces = op.produces ?? [CONTENT.json];
  return Object.fromEntries(
    Object.keys(all)
      .map(Number)
      .sort((a, b) => a - b)
      .map((status): [string, ResponseObject] => {
        const description = all[status]!;
        if (status >= 400) return [String(status), { description, content: { [CONTENT.json]: { schema: { $ref: '#/components/schemas/Error' } } } }];
        if (EMPTY.has(status)) return [String(status), { description }];
        return [String(status), { description, content: Object.fromEntries(produces.map((type) => [type, {}])) }];
      }),
  );
}

/** `{name}` placeholders of an OpenAPI path, in order. */
export const pathParameterNames = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

function parametersOf(op: Operation): Parameter[] {
  const inPath = pathParameterNames(openApiPath(op.path)).map((name): Parameter => {
    const schema = op.params?.[name];
    return { name, in: 'path', required: true, schema: schema ? jsonSchemaOf(schema) : { type: 'string' } };
  });
  const inQuery: Parameter[] = [];
  if (op.query) {
    const object = jsonSchemaOf(op.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(object.properties ?? {})) {
      const parameter: Parameter = { name, in: 'query', required: object.required?.includes(name) ?? false, schema };
      if (typeof schema.description === 'string') parameter.description = schema.description;
      inQuery.push(parameter);
    }
  }
  const headers: Parameter[] = op.ifMatch
    ? [{ name: 'If-Match', in: 'header', required: true, description: 'the version being changed, e.g. "3" (the ETag of the alliance); a list ("3", "4") or * (any version) also', schema: { type: 'string' } }]
    : [];
  return [...inPath, ...inQuery, ...headers];
}

/** `get /api/alliances/{id}/export.csv` → `getApiAlliancesIdExportCsv`. */
export function operationId(method: Method, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function operationObject(op: Operation): OperationObject {
  const object: OperationObject = {
    operationId: operationId(op.method, openApiPath(op.path)),
    summary: `${op.summary.it} / ${op.summary.en}`,
    'x-summary': op.summary,
    tags: [tagName(op.tag)],
    responses: responsesOf(op),
  };
  const parameters = parametersOf(op);
  if (parameters.length > 0) object.parameters = parameters;
  if (op.body) {
    const schema = op.bodyName ? { $ref: `#/components/schemas/${op.bodyName}` } : jsonSchemaOf(op.body);
    object.requestBody = { required: true, content: { [CONTENT.json]: { schema } } };
  }
  // Alternatives: any one of the schemes will do.
  if (op.auth) object.security = SECURITY_SCHEMES[op.auth].map((scheme) => ({ [scheme]: [] }));
  return object;
}

function packageJson(): { version: string; license: string } {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
}

/** The named request bodies, each once; one name given to two schemas is a mistake. */
function bodySchemas(operations: readonly Operation[]): Record<string, JsonSchema> {
  const named = new Map<string, z.ZodType>();
  for (const op of operations) {
    if (!op.bodyName || !op.body) continue;
    const seen = named.get(op.bodyName);
    if (seen && seen !== op.body) throw new Error(`due schemi con un nome / two schemas named ${op.bodyName}`);
    named.set(op.bodyName, op.body);
  }
  return Object.fromEntries([...named].map(([name, schema]) => [name, jsonSchemaOf(schema)]));
}

/** The API's version: the package's. */
export const apiVersion = (): string => packageJson().version;

/** The OpenAPI 3.1 document of the given operations (the routes as declared: server/http/route.ts). */
export function buildOpenApiDocument(operations: readonly Operation[]): OpenApiDocument {
  const pkg = packageJson();
  const paths: OpenApiDocument['paths'] = {};
  const ids = new Set<string>();
  for (const op of operations) {
    const object = operationObject(op);
    const path = openApiPath(op.path);
    if (ids.has(object.operationId) || paths[path]?.[op.method]) throw new Error(`operazione doppia / duplicate operation: ${op.method.toUpperCase()} ${path}`);
    ids.add(object.operationId);
    (paths[path] ??= {})[op.method] = object;
  }
  const used = new Set(operations.map((op) => op.tag));
  return {
    openapi: '3.1.0',
    info: {
      title: 'ALI Atlas API',
      version: pkg.version,
      description:
        "La mappa dei Comuni italiani e delle Alleanze Locali per l'Innovazione. Gli errori sono sempre `{ error: { code, message, details? } }`. / " +
        'The map of the Italian Comuni and the Local Alliances for Innovation. Errors are always `{ error: { code, message, details? } }`.',
      license: { name: pkg.license, identifier: pkg.license },
    },
    servers: [{ url: '/', description: 'this server' }],
    tags: (Object.keys(TAGS) as Tag[]).filter((t) => used.has(t)).map((t) => ({ name: tagName(t), description: TAGS[t].en })),
    paths,
    components: {
      schemas: {
        Error: jsonSchemaOf(errorBody),
        ...bodySchemas(operations),
      },
      securitySchemes,
    },
  };
}
