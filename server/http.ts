import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { CurrentSession } from './auth/service';
import type { ErrorBody } from './contracts/common';

/** What every request carries: its session, if it has one. */
export type AppEnv = { Variables: { session: CurrentSession | null; trustProxy: boolean } };

type Issue = { path: PropertyKey[]; message: string };

export function errorBody(code: string, message: string, issues?: Issue[]): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(issues ? { issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) } : {}),
    },
  };
}


/**
 * A sub-app of the API. Every request parameter is checked by its route's zod schema; what fails is
 * answered 400 in the error shape, naming each field and what to write instead.
 */
export function apiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues;
        const first = issues[0];
        const where = first && first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
        return c.json(
          errorBody('invalid_request', `${where}${first?.message ?? 'The request is not valid'}`, issues),
          400,
        );
      }
    },
  });
}

/** A required JSON request body for a route's definition. */
export const jsonBody = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

// The JSON text of an answer the figures service keeps (frozen until the database changes), made
// once: at national scale a portfolio is ~900 KB, and serialising it was half of each request's work.
const jsonBytes = new WeakMap<object, Uint8Array>();
const utf8 = new TextEncoder();

/**
 * Answers with a kept answer's JSON, typed for the client as c.json's would be. The UTF-8 bytes are
 * kept with the answer: encoding a national portfolio (about 1 MB) was most of a warm request's time.
 */
export function keptJson<T extends object, S extends 200>(c: Context, answer: T, status: S) {
  let bytes = jsonBytes.get(answer);
  if (bytes === undefined) {
    bytes = utf8.encode(JSON.stringify(answer));
    if (Object.isFrozen(answer)) jsonBytes.set(answer, bytes);
  }
  return c.body(bytes as Uint8Array<ArrayBuffer>, status, { 'content-type': 'application/json; charset=utf-8' }) as unknown as TypedResponse<JSONParsed<T>, S, 'json'>;
}
