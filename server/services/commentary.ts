import type { Comment } from '../contracts/plans';
import type { PlanRepository } from '../db/repositories/plans';
import { describeScope, isScopeWithin, parseScope, type Scope } from '../domain/scope';

// A function's commentary as the views read it: each comment labelled with its period, and a view of
// a year (or of all years) carrying up what was said of its halves, quarters and months.

type Stored = ReturnType<PlanRepository['comments']>[number];

export const labelComment = (comment: Stored): Comment => ({ ...comment, periodLabel: describeScope(parseScope(comment.period)) });

/** The comments on the period or on any period within it, newest first, labelled. */
export function commentaryWithin(plans: PlanRepository, slug: string, scope: Scope): Comment[] {
  return plans
    .comments(slug, null)
    .filter((m) => isScopeWithin(parseScope(m.period), scope))
    .map(labelComment);
}
