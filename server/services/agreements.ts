import type { AgreementEntry, AgreementRegister, DecisionLog } from '../contracts/agreements';
import { agreementStatusWords } from '../contracts/words';
import type { AgreementRepository } from '../db/repositories/agreements';
import { agreementStatus, disagreements, dueUntil, fallingDue, reviewsNotRecorded, type MilestoneFact } from '../domain/agreements';

// The agreements register as every view shows it: the register page, the portfolio's and a force's
// "falls due", and a function's agreement.

export const DEFAULT_DUE_WITHIN_MONTHS = 6;

const latest = (milestones: readonly MilestoneFact[], kinds: readonly string[]) => milestones.filter((m) => kinds.includes(m.kind)).at(-1)?.date ?? null;
const first = (milestones: readonly MilestoneFact[], kinds: readonly string[]) => milestones.find((m) => kinds.includes(m.kind))?.date ?? null;
const fact = ({ kind, date, description, sourceId }: MilestoneFact) => ({ kind, date, description, sourceId });

export function createAgreementService(agreements: AgreementRepository) {
  return {
    /** The decision log: every decision record, oldest first, with what it concerns. */
    decisions: (): DecisionLog => ({ decisions: agreements.decisions() }),
    register(
      today: string,
      options: { collaboration?: string | undefined; force?: string | undefined; dueWithinMonths?: number | undefined; dueOnly?: boolean | undefined } = {},
    ): AgreementRegister | { unknown: string } {
      if (options.collaboration !== undefined && !agreements.collaborationExists(options.collaboration)) {
        return { unknown: `There is no collaboration "${options.collaboration}". Leave it out to see every agreement.` };
      }
      if (options.force !== undefined && !agreements.forceExists(options.force)) {
        return { unknown: `There is no force "${options.force}". The forces are listed at /api/forces.` };
      }
      const months = options.dueWithinMonths ?? DEFAULT_DUE_WITHIN_MONTHS;
      const { agreements: rows, parties, milestones, functions } = agreements.all();
      const decisions = agreements.decisions();
      const entries = rows.map((row): AgreementEntry => {
        const dates = milestones.get(row.slug) ?? [];
        const status = agreementStatus(dates, today);
        return {
          slug: row.slug,
          name: row.name,
          collaboration: row.collaboration === null ? null : { slug: row.collaboration, name: row.collaborationName! },
          leadForce: row.leadForce === null ? null : { slug: row.leadForce, name: row.leadForceName! },
          parties: parties.get(row.slug) ?? [],
          note: row.note,
          functions: functions.get(row.slug) ?? [],
          milestones: dates.map(fact),
          signedOn: first(dates, ['signed']),
          commencesOn: first(dates, ['commences']),
          reviewOn: latest(dates, ['review']),
          expiresOn: latest(dates, ['expires']),
          status,
          statusWords: agreementStatusWords(status),
          fallingDue: fallingDue(dates, today, months).map(fact),
          reviewsNotRecorded: reviewsNotRecorded(dates, today).map(fact),
          decisions: decisions.filter((d) => d.agreements.some((x) => x.slug === row.slug)).map(({ number, date, title }) => ({ number, date, title })),
          disagreements: disagreements(dates).map((d) => ({ about: d.about, claims: d.claims.map(fact) })),
        };
      });
      return {
        asAt: today,
        dueWithinMonths: months,
        dueUntil: dueUntil(today, months),
        agreements: entries.filter(
          (a) =>
            (options.collaboration === undefined || a.collaboration?.slug === options.collaboration) &&
            (options.force === undefined || a.leadForce?.slug === options.force || a.parties.some((p) => p.slug === options.force)) &&
            (!options.dueOnly || a.fallingDue.length > 0),
        ),
      };
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
