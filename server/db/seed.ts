import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { assertSharesComplete } from '../domain/apportion';
import { parseMoneyToPence } from '../domain/money';
import { recordAudit } from './audit';
import type { Db } from './connection';
import { BenefitsFile, DecisionsFile, RisksFile, FunctionsFile, OrganisationsFile, PapersFile, ProgrammeFile, type PaperData } from './papers-schema';

export const papersDir = fileURLToPath(new URL('../../data/papers/', import.meta.url));

function readJson<T extends z.ZodType>(dir: string, file: string, schema: T): z.infer<T> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${file}: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * Reads the seed data set and checks what JSON cannot: that every figure's written form (£0.626m)
 * is exactly its pence, that every source cited exists, and that every set of shares adds up to 100.0%.
 */
export function loadPaperData(dir = papersDir): PaperData {
  const data: PaperData = {
    papers: readJson(dir, 'papers.json', PapersFile),
    organisations: readJson(dir, 'organisations.json', OrganisationsFile),
    functions: readJson(dir, 'functions.json', FunctionsFile),
    programme: readJson(dir, 'programme.json', ProgrammeFile),
    benefits: readJson(dir, 'benefits.json', BenefitsFile),
    decisions: readJson(dir, 'decisions.json', DecisionsFile),
    risks: readJson(dir, 'risks.json', RisksFile),
  };
  const sourceIds = new Set(data.papers.sources.map((source) => source.id));
  const cite = (where: string, source: string | undefined) => {
    if (source !== undefined && !sourceIds.has(source)) throw new Error(`${where} cites unknown source ${source}`);
  };
  for (const d of data.decisions.decisions) cite(`decision ${d.number}`, d.source);
  for (const r of data.risks.risks) cite(`risk ${r.code}`, r.source);
  const money = (where: string, figure: { amountPence: number; asWritten: string }) => {
    const written = parseMoneyToPence(figure.asWritten);
    if (written !== figure.amountPence) {
      throw new Error(`${where}: ${figure.asWritten} is ${written} pence, not ${figure.amountPence}`);
    }
  };
  for (const fn of data.functions.functions) {
    if (fn.headline) {
      money(`${fn.slug} headline`, fn.headline);
      cite(`${fn.slug} headline`, fn.headline.source);
    }
    for (const baseline of fn.baselines) {
      cite(`${fn.slug} baseline ${baseline.version}`, baseline.source);
      for (const target of baseline.targets) {
        money(`${fn.slug} target ${target.line} ${target.fiscalYear}`, target);
        cite(`${fn.slug} target ${target.line}`, target.source);
      }
    }
    for (const actual of fn.actuals) {
      money(`${fn.slug} actual ${actual.line} ${actual.fiscalYear}`, actual);
      cite(`${fn.slug} actual ${actual.line}`, actual.source);
    }
    for (const total of fn.statedTotals) {
      money(`${fn.slug} stated total ${total.description}`, total);
      cite(`${fn.slug} stated total`, total.source);
    }
    for (const shares of fn.shares) {
      cite(`${fn.slug} shares ${shares.fiscalYear}`, shares.source);
      assertSharesComplete(Object.entries(shares.forces).map(([key, tenthsPercent]) => ({ key, tenthsPercent })));
    }
  }
  for (const figure of data.programme.programmeFigures) {
    money(figure.code, figure);
    cite(figure.code, figure.source);
  }
  for (const collaboration of data.organisations.collaborations) {
    for (const member of collaboration.members) cite(`${collaboration.slug} member ${member.force}`, member.source);
  }
  for (const benefit of data.benefits.benefits) {
    cite(benefit.number, benefit.source);
    cite(`${benefit.number} baseline`, benefit.baseline?.source);
    cite(`${benefit.number} target`, benefit.target?.source);
  }
  for (const agreement of data.organisations.agreements) {
    cite(`${agreement.slug} parties`, agreement.partiesSource);
    for (const milestone of agreement.milestones) cite(`${agreement.slug} ${milestone.kind}`, milestone.source);
  }
  return data;
}

export function isEmpty(db: Db): boolean {
  const row = db.prepare('SELECT count(*) AS n FROM functions').get() as { n: number };
  return row.n === 0;
}

const SEEDER = 'system: seed from data/papers';

/** Writes the whole data set in one transaction, and one audit entry saying what was seeded. */
export function seedFromPapers(db: Db, data: PaperData, now: Date): Record<string, number> {
  const at = now.toISOString();
  const counts: Record<string, number> = {};
  const count = (table: string) => {
    counts[table] = (counts[table] ?? 0) + 1;
  };
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    const statement = db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    count(table);
    return statement.run(row);
  };
  const bool = (value: boolean) => (value ? 1 : 0);

  db.transaction(() => {
    for (const paper of data.papers.papers) insert('papers', paper);
    for (const source of data.papers.sources) {
      insert('sources', {
        id: source.id,
        paper_id: source.paper,
        paragraph: source.paragraph,
        quote: source.quote,
        part: source.part ?? null,
        date: source.date ?? null,
        note: source.note ?? null,
      });
    }
    for (const force of data.organisations.forces) insert('forces', force);
    for (const collaboration of data.organisations.collaborations) {
      insert('collaborations', { slug: collaboration.slug, name: collaboration.name, description: collaboration.description });
      for (const member of collaboration.members) {
        insert('collaboration_members', {
          collaboration_slug: collaboration.slug,
          force_slug: member.force,
          joined_on: member.joinedOn,
          left_on: member.leftOn ?? null,
          source_id: member.source,
          note: member.note ?? null,
        });
      }
    }
    for (const agreement of data.organisations.agreements) {
      insert('agreements', {
        slug: agreement.slug,
        name: agreement.name,
        collaboration_slug: agreement.collaboration,
        lead_force_slug: agreement.leadForce,
        note: agreement.note ?? null,
      });
      for (const party of agreement.parties) insert('agreement_parties', { agreement_slug: agreement.slug, force_slug: party });
      for (const milestone of agreement.milestones) {
        insert('agreement_milestones', {
          agreement_slug: agreement.slug,
          kind: milestone.kind,
          date: milestone.date,
          description: milestone.description,
          source_id: milestone.source,
          about: milestone.about ?? null,
        });
      }
    }
    for (const fn of data.functions.functions) {
      insert('functions', {
        slug: fn.slug,
        name: fn.name,
        collaboration_slug: fn.collaboration,
        agreement_slug: fn.agreement,
        description: fn.description,
        headline_target_pence: fn.headline?.amountPence ?? null,
        headline_as_written: fn.headline?.asWritten ?? null,
        headline_qualifier: fn.headline?.qualifier ?? null,
        headline_source_id: fn.headline?.source ?? null,
        rag_tolerance_tenths_percent: fn.ragToleranceTenthsPercent ?? 50,
      });
      const lineIds = new Map<string, number | bigint>();
      for (const line of fn.lines) {
        const result = insert('savings_lines', {
          function_slug: fn.slug,
          code: line.code,
          name: line.name,
          category: line.category,
          driver: line.driver,
          kind: line.kind,
          recurrence: line.recurrence,
          note: line.note ?? null,
          carried_through: line.carry?.through ?? null,
          carry_note: line.carry?.note ?? null,
        });
        lineIds.set(line.code, result.lastInsertRowid);
      }
      const lineId = (code: string) => {
        const id = lineIds.get(code);
        if (id === undefined) throw new Error(`${fn.slug}: unknown savings line ${code}`);
        return id;
      };
      for (const baseline of fn.baselines) {
        const result = insert('baselines', {
          function_slug: fn.slug,
          version: baseline.version,
          name: baseline.name,
          reason: baseline.reason,
          adopted_on: baseline.adoptedOn,
          source_id: baseline.source,
          created_at: at,
          created_by: SEEDER,
        });
        for (const target of baseline.targets) {
          insert('targets', {
            baseline_id: result.lastInsertRowid,
            savings_line_id: lineId(target.line),
            fiscal_year: target.fiscalYear,
            amount_pence: target.amountPence,
            as_written: target.asWritten,
            qualifier: target.qualifier ?? null,
            period_note: target.periodNote ?? null,
            source_id: target.source,
          });
        }
      }
      for (const actual of fn.actuals) {
        insert('ledger_entries', {
          savings_line_id: lineId(actual.line),
          measure: 'actual',
          fiscal_year: actual.fiscalYear,
          month: actual.month ?? null,
          force_slug: actual.force ?? null,
          amount_pence: actual.amountPence,
          as_written: actual.asWritten,
          qualifier: actual.qualifier ?? null,
          period_note: actual.periodNote ?? null,
          reported_on: actual.reportedOn,
          source_id: actual.source,
          is_illustrative: 0,
          recorded_at: at,
          recorded_by: SEEDER,
        });
      }
      for (const total of fn.statedTotals) {
        insert('stated_totals', {
          function_slug: fn.slug,
          from_fiscal_year: total.fromFiscalYear,
          to_fiscal_year: total.toFiscalYear,
          category: total.category,
          description: total.description,
          amount_pence: total.amountPence,
          as_written: total.asWritten,
          qualifier: total.qualifier ?? null,
          source_id: total.source,
        });
      }
      for (const shares of fn.shares) {
        for (const [force, tenths] of Object.entries(shares.forces)) {
          insert('apportionment_shares', {
            function_slug: fn.slug,
            fiscal_year: shares.fiscalYear,
            force_slug: force,
            share_tenths_percent: tenths,
            basis: shares.basis,
            is_illustrative: bool(shares.illustrative),
            source_id: shares.source ?? null,
            note: shares.note ?? null,
          });
        }
      }
    }
    for (const figure of data.programme.programmeFigures) {
      insert('programme_figures', {
        code: figure.code,
        collaboration_slug: figure.collaboration,
        description: figure.description,
        kind: figure.kind,
        amount_pence: figure.amountPence,
        per_year: bool(figure.perYear),
        from_fiscal_year: figure.fromFiscalYear ?? null,
        to_fiscal_year: figure.toFiscalYear ?? null,
        as_written: figure.asWritten,
        source_id: figure.source,
      });
    }
    for (const b of data.benefits.benefits) insert('benefits', benefitRow(b));
    const later = writeLaterRecords(db, data);
    counts.decisions = later.decisions;
    counts.risks = later.risks;
    recordAudit(db, { at, actor: SEEDER, action: 'seed', entity: 'ledger', entityId: null, before: null, after: { ...counts } });
  })();
  return counts;
}

type BenefitEntry = PaperData['benefits']['benefits'][number];
const benefitRow = (b: BenefitEntry) => ({
    number: b.number,
    function_slug: b.function,
    description: b.description,
    category: b.category,
    cash_class: b.cashClass,
    measure_class: b.measureClass,
    feature: b.feature,
    owner: b.owner ?? null,
    measure: b.measure,
    unit: b.unit,
    direction: b.direction,
    is_disbenefit: (b.isDisbenefit ? 1 : 0),
    baseline_milli: b.baseline?.milli ?? null,
    baseline_as_written: b.baseline?.asWritten ?? null,
    baseline_date: b.baseline?.date ?? null,
    baseline_data_source: b.baseline?.dataSource ?? null,
    baseline_source_id: b.baseline?.source ?? null,
    target_milli: b.target?.milli ?? null,
    target_as_written: b.target?.asWritten ?? null,
    target_date: b.target?.date ?? null,
    target_source_id: b.target?.source ?? null,
    tolerance_milli: b.toleranceMilli ?? 0,
    source_id: b.source,
    note: b.note ?? null,
});

/**
 * What the papers' data set gained after the first databases were seeded: the decision log (017),
 * the risks (018) and the dis-benefits. INSERT OR IGNORE throughout, so seeding writes them once and
 * a top-up adds only what is missing; the sources they cite come first.
 */
function writeLaterRecords(db: Db, data: PaperData): { sources: number; decisions: number; risks: number; benefits: number } {
  const source = db.prepare('INSERT OR IGNORE INTO sources (id, paper_id, paragraph, quote, part, date, note) VALUES (@id, @paper, @paragraph, @quote, @part, @date, @note)');
  const decision = db.prepare('INSERT OR IGNORE INTO decisions (number, date, title, decision, source_id, note) VALUES (@number, @date, @title, @decision, @source, @note)');
  const link = db.prepare('INSERT OR IGNORE INTO decision_links (decision_number, agreement_slug, function_slug) VALUES (?, ?, ?)');
  const risk = db.prepare(
    'INSERT OR IGNORE INTO risks (code, collaboration_slug, function_slug, area, title, mitigation, source_id) VALUES (@code, @collaboration, @function, @area, @title, @mitigation, @source)',
  );
  const benefitColumns = Object.keys(benefitRow(data.benefits.benefits[0]!));
  const benefit = db.prepare(`INSERT OR IGNORE INTO benefits (${benefitColumns.join(', ')}) VALUES (${benefitColumns.map((c) => `@${c}`).join(', ')})`);
  const part = db.prepare('INSERT OR IGNORE INTO programme_figure_parts (code, name, function_slug) VALUES (?, ?, ?)');
  const added = { sources: 0, decisions: 0, risks: 0, benefits: 0 };
  for (const s of data.papers.sources) added.sources += source.run({ ...s, part: s.part ?? null, date: s.date ?? null, note: s.note ?? null }).changes;
  for (const b of data.benefits.benefits) added.benefits += benefit.run(benefitRow(b)).changes;
  for (const d of data.decisions.decisions) {
    added.decisions += decision.run(d).changes;
    for (const agreement of d.agreements) link.run(d.number, agreement, null);
    for (const fn of d.functions) link.run(d.number, null, fn);
  }
  for (const r of data.risks.risks) added.risks += risk.run(r).changes;
  for (const f of data.programme.programmeFigures) for (const p of f.includes ?? []) part.run(f.code, p.name, p.function);
  return added;
}

/**
 * Records from the papers that a database seeded by an earlier version lacks (the decision log,
 * migration 017): added once at start-up, in one audited transaction. The ledger is not touched.
 */
export function topUpFromPapers(db: Db, data: PaperData, now: Date): { sources: number; decisions: number; risks: number; benefits: number } {
  return db.transaction(() => {
    const added = writeLaterRecords(db, data);
    if (Object.values(added).some((n) => n > 0)) recordAudit(db, { at: now.toISOString(), actor: SEEDER, action: 'seed', entity: 'papers', entityId: null, before: null, after: added });
    return added;
  })();
}
