import { z } from '@hono/zod-openapi';
import { PaperDate, Slug } from './common';

export const Force = z.object({ slug: Slug, name: z.string() }).openapi('Force');
export type Force = z.infer<typeof Force>;

export const ForceList = z.object({ forces: z.array(Force) }).openapi('ForceList');
export type ForceList = z.infer<typeof ForceList>;

export const Membership = z.object({
  force: Slug,
  joinedOn: PaperDate,
  leftOn: PaperDate.nullable(),
  sourceId: z.string().nullable(),
  note: z.string().nullable(),
});
export type Membership = z.infer<typeof Membership>;

export const Collaboration = z
  .object({ slug: Slug, name: z.string(), description: z.string(), members: z.array(Membership) })
  .openapi('Collaboration');
export type Collaboration = z.infer<typeof Collaboration>;

export const CollaborationList = z.object({ collaborations: z.array(Collaboration) }).openapi('CollaborationList');
export type CollaborationList = z.infer<typeof CollaborationList>;
