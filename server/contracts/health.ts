import { z } from '@hono/zod-openapi';

export const Health = z.object({ status: z.literal('ok') }).openapi('Health');
export type Health = z.infer<typeof Health>;
