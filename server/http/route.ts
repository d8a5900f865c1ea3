import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Auth, ContentType, Method, Tag } from '../openapi/vocabulary';

/**
 * The rate-limit class of a route (http/rate-limits.ts): `read` (counted per request), `compute`
 * (charged by the time it takes) or `write` (founders' saves). Unsaid: reads for GET, writes otherwise.
 */
export type LimitClass = 'read' | 'compute' | 'write';

/** One endpoint, said once: what mounts it, validates its input, limits it and documents it. */
export interface RouteSpec {
  method: Method;
  /** Express style (`/api/alliances/:id`); each `:name` is a path parameter of the OpenAPI operation. */
  path: string;
  summary: { it: string; en: string };
  tag: Tag;
  /** Schemas of path parameters by name; a parameter not named here is a plain string. */
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A body shared by several operations is named, and listed once under `components.schemas`. */
  bodyName?: string;
  auth?: Auth;
  /** Needs `If-Match: <version>` (428 without, 409 when stale). */
  ifMatch?: boolean;
  /** Status → what it means; common errors (400, 401, 403, 409, 413, 428, 429, 503) are added from the other fields. */
  responses: Record<number, string>;
  /** Content types of the successful answer; JSON unless said. */
  produces?: readonly ContentType[];
  limit?: LimitClass;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/**
 * A request's input, parsed by the route's schemas when first read (a ZodError is a 400): so a
 * handler authorises, or finds its resource, before it judges a body, as it says.
 */
export interface Input<S extends RouteSpec> {
  readonly params: S['params'] extends Record<string, z.ZodType> ? { [K in keyof S['params']]: Out<S['params'][K]> } : Record<string, string>;
  readonly query: Out<S['query']>;
  readonly body: Out<S['body']>;
}

export type Handler<S extends RouteSpec> = (req: Request, res: Response, input: Input<S>) => Promise<void> | void;

export interface Route {
  readonly spec: RouteSpec;
  readonly handler: (req: Request, res: Response) => Promise<void> | void;
}

/** The class a route is limited as. */
export const limitOf = (spec: Pick<RouteSpec, 'method' | 'limit'>): LimitClass => spec.limit ?? (spec.method === 'get' ? 'read' : 'write');

function inputOf<S extends RouteSpec>(spec: S, req: Request): Input<S> {
  const parsed: { params?: unknown; query?: unknown; body?: unknown } = {};
  const params = () => {
    const schemas = spec.params ?? {};
    return Object.fromEntries(Object.entries(req.params).map(([name, value]) => [name, schemas[name] ? schemas[name].parse(value) : value]));
  };
  return {
    get params() {
      return (parsed.params ??= params()) as Input<S>['params'];
    },
    get query() {
      if (!('query' in parsed)) parsed.query = spec.query?.parse(req.query);
      return parsed.query as Input<S>['query'];
    },
    get body() {
      if (!('body' in parsed)) parsed.body = spec.body?.parse(req.body);
      return parsed.body as Input<S>['body'];
    },
  };
}

/** Declares an endpoint: its description (mounted, limited and documented from it) and its handler. */
export function route<const S extends RouteSpec>(spec: S, handler: Handler<S>): Route {
  return { spec, handler: (req, res) => handler(req, res, inputOf(spec, req)) };
}

/** The Express router of the declared routes. */
export function mountRoutes(routes: readonly Route[]): Router {
  const router = Router();
  for (const { spec, handler } of routes) router[spec.method](spec.path, handler);
  return router;
}

/** `/api/alliances/:id` → `/api/alliances/{id}`. */
export const openApiPath = (expressPath: string): string => expressPath.replace(/:([A-Za-z_]\w*)/g, '{$1}');
