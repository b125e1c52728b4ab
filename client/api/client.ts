import { hc } from 'hono/client';
import type { ErrorBody } from '../../server/contracts/common';
import type { AppType } from '../../server/app';

export const api = hc<AppType>('/');

/** An API answer that is not 2xx, with the message the server wrote for a person to act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
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
    try {
      const body = (await response.json()) as ErrorBody;
      if (body?.error?.message) message = body.error.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as SuccessBody<R>;
}
