import type { FunctionEdit, FunctionEdited } from '../contracts/portfolio';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { createPortfolioRepository, type EditableFunction } from '../db/repositories/portfolio';
import { leadAndAgreementProblems, type Problem } from './new-function';

// Correcting a function entered in Realise: its name, description, lead force, agreement, headline
// and tolerance, from the version the screen showed, in one audited transaction. A function from
// the board papers keeps the papers' particulars (its owner changes its tolerance and description
// through its plan); its savings lines and targets change by re-baselining, as any function's do.

export type EditOutcome = { ok: true; edited: FunctionEdited } | { ok: false; status: 400 | 404 | 409; message: string; problems: Problem[] };

const particulars = (f: EditableFunction) => ({
  name: f.name,
  description: f.description,
  leadForce: f.leadForce,
  agreement: f.agreement,
  toleranceTenthsPercent: f.toleranceTenthsPercent,
  headline: f.headlinePence === null ? null : { amountPence: f.headlinePence, asWritten: f.headlineAsWritten, qualifier: f.headlineQualifier, sourceId: f.headlineSourceId },
});

export function createFunctionEditService(db: Db, now: () => Date) {
  const portfolio = createPortfolioRepository(db);
  const refuse = (status: 400 | 404 | 409, message: string, problems: Problem[] = []): EditOutcome => ({ ok: false, status, message, problems });

  return {
    edit(slug: string, input: FunctionEdit, actor: string): EditOutcome {
      return db.transaction((): EditOutcome => {
        const found = portfolio.functionOf(slug);
        if (!found) return refuse(404, `There is no function "${slug}".`);
        if (found.enteredBy === null) {
          return refuse(409, `${found.name} comes from the board papers, so its particulars are the papers’ and stay as they are. Its owner can change its tolerance and description, and its targets by re-baselining.`);
        }
        if (found.version !== input.version) {
          return refuse(409, `${found.name} was changed by ${found.changedBy ?? 'someone else'} since you opened it. Reload to see the change, then make yours again.`);
        }
        const collaboration = portfolio.collaboration(found.collaboration)!;
        const problems = leadAndAgreementProblems(portfolio, collaboration, portfolio.members(found.collaboration), input);
        if (problems.length > 0) return refuse(400, problems.length === 1 ? problems[0]!.message : `${problems.length} things need changing: ${problems[0]!.message}`, problems);

        // The headline's passage of the business case: the targets' own where it is the same words, else its own.
        const paperId = `bc-${slug}`;
        let headlineSourceId: string | null = null;
        if (input.headline) {
          const targets = portfolio.source(`${paperId}--targets`);
          if (targets && targets.paragraph === input.headline.paragraph && targets.quote === input.headline.quote) headlineSourceId = targets.id;
          else {
            headlineSourceId = `${paperId}--headline`;
            portfolio.putSource({ id: headlineSourceId, paperId, paragraph: input.headline.paragraph, quote: input.headline.quote });
          }
        }
        const at = now().toISOString();
        const written = portfolio.updateFunction({
          slug,
          version: input.version,
          name: input.name,
          description: input.description,
          leadForce: input.leadForce,
          agreement: input.agreement,
          tolerance: input.toleranceTenthsPercent,
          headlinePence: input.headline?.amountPence ?? null,
          headlineAsWritten: input.headline?.asWritten ?? null,
          headlineQualifier: input.headline?.qualifier ?? null,
          headlineSourceId,
          at,
          by: actor,
        });
        if (!written) return refuse(409, `${found.name} was changed by someone else since you opened it. Reload to see the change, then make yours again.`);
        const after = portfolio.functionOf(slug)!;
        recordAudit(db, { at, actor, action: 'change-function', entity: 'function', entityId: slug, before: particulars(found), after: particulars(after) });
        return { ok: true, edited: { slug, version: after.version, changedBy: actor, changedAt: at } };
      }).immediate();
    },
  };
}

export type FunctionEditService = ReturnType<typeof createFunctionEditService>;
