import type { ForceDetail } from '../contracts/forces';
import type { FunctionDetail, FunctionList, StatusHistory } from '../contracts/functions';
import { dateWords } from '../contracts/words';
import type { Db } from '../db/connection';
import type { ForceRepository } from '../db/repositories/forces';
import type { CollaborationPart, ForceSplit, Kept, KeptFunctionFigures, KeptPlan, LedgerRepository, PortfolioFunction } from '../db/repositories/ledger';
import { formatScopeId, statusDates, type Scope } from '../domain/scope';

// The figures every view, download and report reads: the portfolio, one function, one force, each
// as at a date and for a period. A board meeting asks the same question many times between writes,
// so each answer is kept until the database changes: the key holds SQLite's data_version (moved by
// any other connection's commit) and this connection's total_changes() (moved by every write here,
// roll-ups and audit included), so no answer outlives a write, wherever it came from.
//
// Under those answers, each function's portfolio figures for a date and period are kept too, with
// the versions they were worked out from (figures_versions, moved by triggers in the writing
// transaction: migration 023). After an actual is recorded, the next portfolio works out that one
// function again, not all of them; a write to a plan, a member or a share moves '*' and them all.

/** Answers kept at once; a national portfolio is under 1 MB. */
const KEPT = 32;
/** Dates and periods whose functions' figures are kept (a year's status history reads five dates and now). */
const KEPT_VIEWS = 24;

type Parts = Record<string, CollaborationPart>;
type Answer = FunctionList | FunctionDetail | ForceDetail | Parts | StatusHistory | null;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export function createFiguresService({ db, ledger, forces }: { db: Db; ledger: LedgerRepository; forces: ForceRepository }) {
  const changes = db.prepare('SELECT total_changes() AS n').pluck();
  const kept = new Map<string, Answer>();

  const version = () => `${db.pragma('data_version', { simple: true }) as number}.${changes.get() as number}`;

  /** The answer for a key as the database stands now: kept, or worked out and kept (frozen, as it is shared). */
  function answer<T extends Answer>(key: string, work: () => T): T {
    const full = `${version()}|${key}`;
    if (kept.has(full)) {
      const found = kept.get(full) as T;
      // Most recently used last, so the oldest is the one let go.
      kept.delete(full);
      kept.set(full, found);
      return found;
    }
    const worked = deepFreeze(work());
    kept.set(full, worked);
    while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return worked;
  }

  const versionRows = db.prepare('SELECT scope, version FROM figures_versions').raw();
  const keptFunctions = new Map<string, Map<string, { version: string; value: unknown }>>();

  /**
   * What is kept of each function under a name (its portfolio figures for a date and period, one
   * force's split, its plan), good while its versions stand: the function's and '*', or for what
   * no ledger entry changes (`planOnly`), '*' alone.
   */
  function keptIn<T>(view: string, versions: Versions, { planOnly = false } = {}): Kept<T> {
    const versionOf = (slug: string) => (planOnly ? versions.everything : `${versions.everything}.${versions.of.get(slug) ?? 0}`);
    const kept = keptFunctions.get(view) ?? new Map();
    keptFunctions.delete(view);
    keptFunctions.set(view, kept);
    while (keptFunctions.size > KEPT_VIEWS) keptFunctions.delete(keptFunctions.keys().next().value!);
    return {
      get: (slug) => {
        const found = kept.get(slug);
        return found?.version === versionOf(slug) ? (found.value as T) : undefined;
      },
      // Nothing worked out inside a transaction is kept: if it rolled back, its versions would be given again to other figures.
      set: (slug, value) => void (db.inTransaction || kept.set(slug, { version: versionOf(slug), value: deepFreeze(value) })),
    };
  }
  type Versions = { everything: string; of: Map<string, number> };
  /**
   * The versions as the database stands, read once an answer and before any figure of it: a write
   * landing between the two leaves figures newer than their version, never older.
   */
  function versionsNow(): Versions {
    const of = new Map(versionRows.all() as [string, number][]);
    // data_version moves when another connection commits: a restore copied over the live file can
    // bring back version numbers this process has seen for other figures, so it sets all aside.
    return { everything: `${db.pragma('data_version', { simple: true }) as number}:${of.get('*')}`, of };
  }
  const view = (part: string, asAt: string, scope: Scope) => `${part}|${asAt}|${formatScopeId(scope)}`;
  /** Each function's portfolio figures for the date and period, and its plan for any date. */
  const functionsKept = (asAt: string, scope: Scope, versions: Versions): KeptFunctionFigures => ({
    ...keptIn<PortfolioFunction>(view('portfolio', asAt, scope), versions),
    plans: keptIn<KeptPlan>('plans', versions, { planOnly: true }),
  });

  const portfolio = (asAt: string, scope: Scope, collaboration: string | undefined): FunctionList =>
    answer(`portfolio|${asAt}|${formatScopeId(scope)}|${collaboration ?? 'all'}`, () => ledger.portfolio(asAt, scope, collaboration, functionsKept(asAt, scope, versionsNow())));

  return {
    portfolio,
    /** Each function's status for the period as the ledger stood at each quarter's end of it, then now: "amber at the last Summit, red now". */
    statusHistory(asAt: string, scope: Scope, collaboration: string | undefined): StatusHistory {
      return answer(`history|${asAt}|${formatScopeId(scope)}|${collaboration ?? 'all'}`, () => {
        const dates = statusDates(scope, asAt);
        const versions = versionsNow();
        // Only each function's status at each date: no totals or timeline worked out for them.
        const views = dates.map((date) => new Map(ledger.portfolioFunctions(date, scope, collaboration, functionsKept(date, scope, versions)).map((f) => [f.summary.slug, f.summary.rag])));
        return {
          points: dates.map((date) => ({ asAt: date, label: dateWords(date) })),
          functions: [...views.at(-1)!.keys()].map((slug) => ({ slug, statuses: views.map((v) => v.get(slug) ?? 'none') })),
        };
      });
    },
    functionDetail(slug: string, asAt: string, scope: Scope): FunctionDetail | null {
      return answer(`function|${slug}|${asAt}|${formatScopeId(scope)}`, () => ledger.functionDetail(slug, asAt, scope));
    },
    /** Each function of a collaboration in a period, by slug: what the six-monthly report reads. */
    collaborationParts(collaboration: string, asAt: string, scope: Scope, want: { forces: boolean; sources: boolean }): Parts {
      return answer(`parts|${collaboration}|${asAt}|${formatScopeId(scope)}|${want.forces}|${want.sources}`, () => {
        const versions = versionsNow();
        return Object.fromEntries(
          ledger.collaborationParts(collaboration, asAt, scope, want, {
            parts: keptIn<CollaborationPart>(view(`parts:${want.forces}:${want.sources}`, asAt, scope), versions),
            plans: keptIn<KeptPlan>('plans', versions, { planOnly: true }),
          }),
        );
      });
    },
    forceDetail(slug: string, asAt: string, scope: Scope): ForceDetail | null {
      return answer(`force|${slug}|${asAt}|${formatScopeId(scope)}`, () => {
        const versions = versionsNow();
        return forces.detail(slug, asAt, scope, { functions: functionsKept(asAt, scope, versions), splits: keptIn<ForceSplit>(view(`force:${slug}`, asAt, scope), versions) });
      });
    },
  };
}

export type FiguresService = ReturnType<typeof createFiguresService>;
