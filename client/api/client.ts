import { hc } from 'hono/client';
import type { ErrorBody } from '../../server/contracts/common';
import type { AppType } from '../../server/app';

// The session's CSRF token, sent with every request; the server insists on it for every change.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The header every change carries. */
export const csrfHeader = (): Record<string, string> => (csrfToken ? { 'X-CSRF-Token': csrfToken } : {});

export const api = hc<AppType>('/', { headers: csrfHeader });

/** An API answer that is not 2xx, with the message the server wrote for a person to act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

type AnyResponse = { ok: boolean; status: number; json(): Promise<unknown> };
/** The body type of the 2xx members of a typed response union. */
type SuccessBody<R> = R extends { status: 200 | 201; json(): Promise<infer B> } ? B : never;

/** Unwraps a typed response: the body on success, an ApiError with the server's message otherwise. */
export async function unwrap<R extends AnyResponse>(response: R): Promise<SuccessBody<R>> {
  if (!response.ok) {
    let message = `The server answered ${response.status}.`;
    let body: unknown = null;
    try {
      body = await response.json();
      const error = (body as ErrorBody | null)?.error;
      if (error?.message) message = error.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, message, body);
  }
  // 204: done, with nothing to say (a withdrawal).
  if (response.status === 204) return undefined as SuccessBody<R>;
  return (await response.json()) as SuccessBody<R>;
}
