import type { ForceDetail } from '../../contracts/forces';
import { agreementStatusWords, paperDateWords } from '../../contracts/words';
import { agreementStatus, type MilestoneFact } from '../../domain/agreements';
import { describeScope, formatScopeId, type Scope } from '../../domain/scope';
import type { Db } from '../connection';
import type { ForceSplit, Kept, KeptFunctionFigures, LedgerRepository } from './ledger';

/** One force's part in every collaboration and function, built on the ledger's per-force split. */
export function createForceRepository(db: Db, ledger: LedgerRepository) {
  const force = db.prepare('SELECT slug, name FROM forces WHERE slug = ?');
  const memberships = db.prepare(
    `SELECT m.collaboration_slug AS collaboration, c.name AS collaborationName, m.joined_on AS joinedOn,
            m.left_on AS leftOn, m.source_id AS sourceId, m.note
       FROM collaboration_members m JOIN collaborations c ON c.slug = m.collaboration_slug
      WHERE m.force_slug = ? ORDER BY m.joined_on, c.rowid`,
  );
  const members = db.prepare(
    `SELECT m.force_slug AS force, f.name AS forceName, m.joined_on AS joinedOn, m.left_on AS leftOn
       FROM collaboration_members m JOIN forces f ON f.slug = m.force_slug
      WHERE m.collaboration_slug = ? AND m.force_slug <> ? ORDER BY m.joined_on, f.name`,
  );

  // A membership with no leaving date stands as its collaboration's agreement does: never "current" past the agreement's end.
  const agreementMilestones = db.prepare(
    `SELECT m.kind, m.date, m.description, m.source_id AS sourceId, m.about
       FROM agreements a JOIN agreement_milestones m ON m.agreement_slug = a.slug WHERE a.collaboration_slug = ? ORDER BY m.date`,
  );
  const standingOf = (collaboration: string, leftOn: string | null, today: string) => {
    if (leftOn !== null) return leftOn <= today ? `Left on ${paperDateWords(leftOn)}` : `Leaves on ${paperDateWords(leftOn)}`;
    const milestones = agreementMilestones.all(collaboration) as MilestoneFact[];
    if (milestones.length === 0) return 'A member; Realise holds no agreement for the collaboration';
    const status = agreementStatus(milestones, today);
    return status.kind === 'ended-or-unknown' ? `Not known: the agreement ${agreementStatusWords(status).replace(/^Ended/, 'ended')}` : `A member: the agreement is ${agreementStatusWords(status).replace(/^In force/, 'in force')}`;
  };

  return {
    /** `kept`: what the figures service keeps of each function between writes (services/figures.ts). */
    detail(slug: string, asAt: string, scope: Scope, kept?: { functions: KeptFunctionFigures; splits: Kept<ForceSplit> }): ForceDetail | null {
      const found = force.get(slug) as { slug: string; name: string } | undefined;
      if (!found) return null;
      const functions = ledger.forceSplits(slug, asAt, scope, kept).flatMap(({ summary, forces }) => {
        const mine = forces.find((f) => f.force === slug);
        if (!mine) return [];
        const anyActual = mine.periods.some((p) => p.deliveredPence !== null);
        return [
          {
            slug: summary.slug,
            name: summary.name,
            collaboration: summary.collaboration,
            collaborationName: summary.collaborationName,
            isIllustrative: mine.periods.some((p) => p.isIllustrative),
            targetPence: mine.targetPence,
            deliveredPence: anyActual ? mine.deliveredPence : null,
            functionTargetPence: summary.targetPence,
            years: mine.periods.map((p) => {
              const whole = summary.years.find((y) => y.fy === p.fy);
              return { ...p, functionTargetPence: whole?.targetPence ?? 0, functionDeliveredPence: whole?.deliveredPence ?? null };
            }),
          },
        ];
      });
      return {
        asAt,
        period: { id: formatScopeId(scope), description: describeScope(scope) },
        force: found,
        memberships: (memberships.all(slug) as Omit<ForceDetail['memberships'][number], 'otherMembers' | 'standing'>[]).map((m) => ({
          ...m,
          otherMembers: members.all(m.collaboration, slug) as ForceDetail['memberships'][number]['otherMembers'],
          standing: standingOf(m.collaboration, m.leftOn, asAt),
        })),
        functions,
        totals: {
          targetPence: functions.reduce((sum, f) => sum + f.targetPence, 0),
          deliveredPence: functions.reduce((sum, f) => sum + (f.deliveredPence ?? 0), 0),
        },
      };
    },
  };
}

export type ForceRepository = ReturnType<typeof createForceRepository>;
