import type { MilestoneFact } from '../../domain/agreements';
import type { Db } from '../connection';

export type AgreementRow = {
  slug: string;
  name: string;
  collaboration: string | null;
  collaborationName: string | null;
  leadForce: string | null;
  leadForceName: string | null;
  note: string | null;
};

export type DecisionRow = { number: string; date: string; title: string; decision: string; sourceId: string; note: string | null };

// The agreements and what hangs off them, read in four queries for the whole register (it is a few
// dozen rows even nationally), never one query per agreement.
export function createAgreementRepository(db: Db) {
  const agreements = db.prepare(
    `SELECT a.slug, a.name, a.collaboration_slug AS collaboration, c.name AS collaborationName,
            a.lead_force_slug AS leadForce, f.name AS leadForceName, a.note
       FROM agreements a LEFT JOIN collaborations c ON c.slug = a.collaboration_slug LEFT JOIN forces f ON f.slug = a.lead_force_slug
      ORDER BY a.name`,
  );
  const parties = db.prepare(
    `SELECT p.agreement_slug AS agreement, p.force_slug AS slug, f.name FROM agreement_parties p JOIN forces f ON f.slug = p.force_slug ORDER BY f.name`,
  );
  const milestones = db.prepare(
    `SELECT agreement_slug AS agreement, kind, date, description, source_id AS sourceId, about FROM agreement_milestones ORDER BY date, kind`,
  );
  const functions = db.prepare('SELECT agreement_slug AS agreement, slug, name FROM functions WHERE agreement_slug IS NOT NULL ORDER BY name');
  const group = <T extends { agreement: string }>(rows: T[]) => {
    const by = new Map<string, Omit<T, 'agreement'>[]>();
    for (const { agreement, ...rest } of rows) by.set(agreement, [...(by.get(agreement) ?? []), rest]);
    return by;
  };
  const decisions = db.prepare(
    `SELECT number, date, title, decision, source_id AS sourceId, note,
            (SELECT json_group_array(json_object('slug', a.slug, 'name', a.name)) FROM decision_links l JOIN agreements a ON a.slug = l.agreement_slug WHERE l.decision_number = d.number) AS agreements,
            (SELECT json_group_array(json_object('slug', f.slug, 'name', f.name)) FROM decision_links l JOIN functions f ON f.slug = l.function_slug WHERE l.decision_number = d.number) AS functions
       FROM decisions d ORDER BY date, number`,
  );
  const collaborationExists = db.prepare('SELECT 1 FROM collaborations WHERE slug = ?').pluck();
  const forceExists = db.prepare('SELECT 1 FROM forces WHERE slug = ?').pluck();
  return {
    collaborationExists: (slug: string) => collaborationExists.get(slug) !== undefined,
    forceExists: (slug: string) => forceExists.get(slug) !== undefined,
    decisions: () =>
      (decisions.all() as (DecisionRow & { agreements: string; functions: string })[]).map((d) => ({
        ...d,
        agreements: JSON.parse(d.agreements) as { slug: string; name: string }[],
        functions: JSON.parse(d.functions) as { slug: string; name: string }[],
      })),
    all() {
      return {
        agreements: agreements.all() as AgreementRow[],
        parties: group(parties.all() as { agreement: string; slug: string; name: string }[]),
        milestones: group(milestones.all() as (MilestoneFact & { agreement: string })[]) as Map<string, MilestoneFact[]>,
        functions: group(functions.all() as { agreement: string; slug: string; name: string }[]),
      };
    },
  };
}

export type AgreementRepository = ReturnType<typeof createAgreementRepository>;
