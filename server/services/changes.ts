import type { Changes } from '../contracts/functions';
import { dateWords } from '../contracts/words';
import type { PlanRepository } from '../db/repositories/plans';
import type { Scope } from '../domain/scope';
import { commentaryWithin } from './commentary';
import type { FiguresService } from './figures';

// "What changed since the last Summit": the portfolio as the ledger stood at the end of a date
// beside the portfolio now, function by function (status, target, delivered), and the commentary
// written since on the period or a part of it.

export function createChanges({ figures, plans }: { figures: FiguresService; plans: PlanRepository }) {
  return {
    since(since: string, asAt: string, scope: Scope, collaboration: string | undefined): Changes {
      const then = figures.portfolio(since, scope, collaboration);
      const now = figures.portfolio(asAt, scope, collaboration);
      const before = new Map(then.functions.map((f) => [f.slug, f]));
      const functions = now.functions.map((f) => {
        const b = before.get(f.slug);
        const comments = commentaryWithin(plans, f.slug, scope).filter((m) => m.createdAt.slice(0, 10) > since);
        return {
          slug: f.slug,
          name: f.name,
          ragThen: b?.rag ?? 'none',
          ragNow: f.rag,
          targetThenPence: b?.targetPence ?? 0,
          targetNowPence: f.targetPence,
          deliveredThenPence: b?.deliveredPence ?? 0,
          deliveredNowPence: f.deliveredPence,
          comments,
        };
      });
      const changed = functions.filter((f) => f.ragThen !== f.ragNow || f.targetThenPence !== f.targetNowPence || f.deliveredThenPence !== f.deliveredNowPence || f.comments.length > 0);
      return { since, sinceLabel: dateWords(since), asAt, period: now.period, functions: changed, unchanged: functions.length - changed.length };
    },
  };
}

export type ChangesService = ReturnType<typeof createChanges>;
