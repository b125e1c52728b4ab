import type { FunctionCreated, NewFunction, PortfolioChoices } from '../contracts/portfolio';
import { membersDuring } from '../domain/membership';
import { QUALIFIERS } from '../contracts/portfolio';
import { fiscalYearWords } from '../contracts/words';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { createPortfolioRepository, type MemberRow, type PortfolioRepository } from '../db/repositories/portfolio';
import { equalShares } from '../domain/apportion';
import { fiscalYearEnd, fiscalYearStart } from '../domain/fiscal';

// Adding a collaborated function to the portfolio with its business case: the function, its
// savings lines, the first baseline's yearly targets and each year's shares between forces, in one
// transaction with one audit entry, or nothing at all. Every problem with the request is reported
// at once, each at the field it concerns.

export type Problem = { path: string; message: string };
export type AddOutcome =
  | { ok: true; created: FunctionCreated }
  | { ok: false; status: 400 | 409; message: string; problems: Problem[] };

/** The forces that were members of the collaboration at some time in the financial year, in the order they joined. */
export const membersInYear = (members: readonly MemberRow[], fy: string): MemberRow[] => membersDuring(members, fiscalYearStart(fy), fiscalYearEnd(fy));

const kebab = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || 'line';

/** A function's lead force must be a member of its collaboration, and its agreement one Realise holds for it (or for none). */
export function leadAndAgreementProblems(
  portfolio: PortfolioRepository,
  collaboration: { slug: string; name: string },
  members: readonly MemberRow[],
  input: { leadForce: string | null; agreement: string | null },
): Problem[] {
  const problems: Problem[] = [];
  if (input.leadForce !== null && !members.some((m) => m.force === input.leadForce)) {
    problems.push({ path: 'leadForce', message: `${input.leadForce} is not a member of ${collaboration.name}. The lead force must be one of its members.` });
  }
  if (input.agreement !== null) {
    const agreement = portfolio.agreement(input.agreement);
    if (!agreement) problems.push({ path: 'agreement', message: `There is no agreement "${input.agreement}".` });
    else if (agreement.collaboration !== null && agreement.collaboration !== collaboration.slug) {
      problems.push({ path: 'agreement', message: `${agreement.name} is an agreement of another collaboration, not ${collaboration.name}.` });
    }
  }
  return problems;
}

/** Ids an address already uses for something else (/functions/new). */
const RESERVED = new Set(['new', 'all']);

export function createNewFunctionService(db: Db, now: () => Date) {
  const portfolio = createPortfolioRepository(db);

  function check(input: NewFunction): { status: 400 | 409; problems: Problem[] } | null {
    const problems: Problem[] = [];
    if (RESERVED.has(input.slug)) return { status: 400, problems: [{ path: 'slug', message: `"${input.slug}" is a word Realise's addresses use: choose another id.` }] };
    if (portfolio.functionExists(input.slug)) {
      return { status: 409, problems: [{ path: 'slug', message: `There is already a function "${input.slug}". Choose another id, or open /functions/${input.slug}.` }] };
    }
    const collaboration = portfolio.collaboration(input.collaboration);
    if (!collaboration) {
      problems.push({ path: 'collaboration', message: `There is no collaboration "${input.collaboration}".` });
      return { status: 400, problems };
    }
    const members = portfolio.members(input.collaboration);
    problems.push(...leadAndAgreementProblems(portfolio, collaboration, members, input));
    const today = now().toISOString().slice(0, 10);
    if (input.businessCase.date.slice(0, 10) > today) problems.push({ path: 'businessCase.date', message: 'A business case cannot be dated after today.' });
    if (input.businessCase.date.length < 7) problems.push({ path: 'businessCase.date', message: 'Give at least the month of the business case, as 2018-03.' });
    if (input.headline?.qualifier && !QUALIFIERS.includes(input.headline.qualifier)) {
      problems.push({ path: 'headline.qualifier', message: `Use one of: ${QUALIFIERS.join(', ')}.` });
    }

    const names = new Map<string, number>();
    input.lines.forEach((line, i) => {
      const key = line.name.toLowerCase();
      if (names.has(key)) problems.push({ path: `lines.${i}.name`, message: `Line ${names.get(key)! + 1} has this name too: give each line its own name.` });
      else names.set(key, i);
      const years = new Set<string>();
      line.targets.forEach((target, j) => {
        if (years.has(target.fiscalYear)) problems.push({ path: `lines.${i}.targets.${j}.fiscalYear`, message: `${fiscalYearWords(target.fiscalYear)} has two targets on this line.` });
        years.add(target.fiscalYear);
        if (membersInYear(members, target.fiscalYear).length === 0) {
          problems.push({ path: `lines.${i}.targets.${j}.fiscalYear`, message: `No force was a member of ${collaboration.name} in ${fiscalYearWords(target.fiscalYear)}, so no one could make its saving.` });
        }
      });
    });
    if (input.lines.every((line) => line.targets.length === 0)) {
      problems.push({ path: 'lines', message: 'Give at least one yearly target: a business case with no targets has nothing to measure delivery against.' });
    }
    return problems.length === 0 ? null : { status: 400, problems };
  }

  return {
    /** Every problem adding this function would meet, without writing anything (a workbook's dry run). */
    check: (input: NewFunction) => db.transaction(() => check(input))(),
    /** The collaborations (with their members) and agreements a new function can belong to. */
    choices(): PortfolioChoices {
      return {
        collaborations: portfolio.collaborations().map((c) => ({ ...c, members: portfolio.members(c.slug) })),
        agreements: portfolio.agreements(),
        qualifiers: [...QUALIFIERS],
      };
    },

    add(input: NewFunction, actor: string): AddOutcome {
      // Checked and written under the write lock, so two people adding the same id cannot both succeed.
      return db.transaction((): AddOutcome => {
        const refused = check(input);
        if (refused) {
          const first = refused.problems[0]!;
          return { ok: false, status: refused.status, message: refused.problems.length === 1 ? first.message : `${refused.problems.length} things need changing before the function can be added: ${first.message}`, problems: refused.problems };
        }
        const at = now().toISOString();
        const slug = input.slug;
        const paperId = `bc-${slug}`;
        portfolio.insertPaper({ id: paperId, file: `entered:${paperId}`, title: input.businessCase.title, date: input.businessCase.date, at, by: actor });
        // A slug has no double hyphen, so these ids cannot meet another function's.
        const planSource = `${paperId}--targets`;
        portfolio.insertSource({ id: planSource, paperId, paragraph: input.businessCase.paragraph, quote: input.businessCase.quote });
        let headlineSource: string | null = null;
        if (input.headline) {
          headlineSource = input.headline.paragraph === input.businessCase.paragraph && input.headline.quote === input.businessCase.quote ? planSource : `${paperId}--headline`;
          if (headlineSource !== planSource) portfolio.insertSource({ id: headlineSource, paperId, paragraph: input.headline.paragraph, quote: input.headline.quote });
        }
        portfolio.insertFunction({
          slug,
          name: input.name,
          collaboration: input.collaboration,
          agreement: input.agreement,
          description: input.description,
          headlinePence: input.headline?.amountPence ?? null,
          headlineAsWritten: input.headline?.asWritten ?? null,
          headlineQualifier: input.headline?.qualifier ?? null,
          headlineSourceId: headlineSource,
          tolerance: input.toleranceTenthsPercent,
          leadForce: input.leadForce,
          at,
          by: actor,
        });
        const adoptedOn = input.businessCase.date.length === 7 ? `${input.businessCase.date}-01` : input.businessCase.date;
        const baselineId = portfolio.insertBaseline({
          function: slug,
          name: input.businessCase.title,
          reason: `Entered in Realise from the business case by ${actor}`,
          adoptedOn,
          sourceId: planSource,
          at,
          by: actor,
        });
        const lines = input.lines.map((line) => {
          let code = `${slug}-${kebab(line.name)}`;
          for (let n = 2; portfolio.codeExists(code); n += 1) code = `${slug}-${kebab(line.name)}-${n}`;
          const id = portfolio.insertLine({ function: slug, code, name: line.name, category: line.category, driver: line.driver, kind: line.kind, recurrence: line.recurrence, at, by: actor });
          for (const target of line.targets) portfolio.insertTarget({ baselineId, lineId: id, fy: target.fiscalYear, amountPence: target.amountPence, sourceId: planSource });
          return { id, code, name: line.name };
        });
        const members = portfolio.members(input.collaboration);
        const years = [...new Set(input.lines.flatMap((line) => line.targets.map((t) => t.fiscalYear)))].sort();
        const shares = years.flatMap((fy) => {
          const inYear = membersInYear(members, fy);
          const note = `Realise's assumption: equal shares between the ${inYear.length} forces that were members in ${fiscalYearWords(fy)}, as the business case's own split is not entered`;
          return equalShares(inYear.map((m) => m.force)).map((share) => {
            portfolio.insertShare({ function: slug, fy, force: share.key, tenths: share.tenthsPercent, note });
            return { fiscalYear: fy, force: share.key, shareTenthsPercent: share.tenthsPercent };
          });
        });
        const created: FunctionCreated = { slug, baselineId, lines, targets: input.lines.reduce((n, line) => n + line.targets.length, 0), shares };
        recordAudit(db, { at, actor, action: 'create', entity: 'function', entityId: slug, before: null, after: { ...input, created } });
        return { ok: true, created };
      }).immediate();
    },
  };
}

export type NewFunctionService = ReturnType<typeof createNewFunctionService>;
