import { z } from 'zod';

// The shape of the seed data set in data/papers/. Checked on load, so a typo in a file stops the
// seed with the file and the path of the mistake rather than seeding a wrong figure.

const fy = z.string().regex(/^\d{4}-\d{2}$/);
const paperDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const pence = z.number().int().nonnegative();

export const PapersFile = z.object({
  papers: z.array(
    z.object({ id: z.string(), file: z.string(), title: z.string(), author: z.string().nullable(), date: paperDate.nullable() }),
  ),
  sources: z.array(
    z.object({
      id: z.string(),
      paper: z.string(),
      paragraph: z.string(),
      quote: z.string().min(1),
      part: z.string().optional(),
      date: paperDate.optional(),
      note: z.string().optional(),
    }),
  ),
});

export const OrganisationsFile = z.object({
  forces: z.array(z.object({ slug: z.string(), name: z.string() })),
  collaborations: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      description: z.string(),
      members: z.array(
        z.object({ force: z.string(), joinedOn: paperDate, leftOn: paperDate.optional(), source: z.string(), note: z.string().optional() }),
      ),
    }),
  ),
  agreements: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      collaboration: z.string().nullable(),
      leadForce: z.string().nullable(),
      parties: z.array(z.string()),
      partiesSource: z.string().optional(),
      note: z.string().optional(),
      milestones: z.array(z.object({ kind: z.string(), date: paperDate, description: z.string(), source: z.string(), about: z.string().optional() })),
    }),
  ),
});

const writtenMoney = { amountPence: pence, asWritten: z.string(), qualifier: z.string().optional() };

export const FunctionsFile = z.object({
  functions: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      collaboration: z.string(),
      agreement: z.string().nullable(),
      description: z.string(),
      ragToleranceTenthsPercent: z.number().int().min(0).max(1000).optional(),
      headline: z.object({ ...writtenMoney, source: z.string() }).nullable(),
      lines: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          category: z.enum(['payroll', 'non-payroll', 'unspecified']),
          driver: z.string(),
          kind: z.enum(['cashable', 'non-cashable', 'cost-avoidance']),
          recurrence: z.enum(['recurring', 'one-off', 'unspecified']),
          note: z.string().optional(),
          /** Realise's reading: the last year a recurring saving's latest target is carried to, and why. */
          carry: z.object({ through: z.string().regex(/^\d{4}-\d{2}$/), note: z.string() }).optional(),
        }),
      ),
      baselines: z.array(
        z.object({
          version: z.number().int().positive(),
          name: z.string(),
          reason: z.string(),
          adoptedOn: paperDate.nullable(),
          source: z.string(),
          targets: z.array(
            z.object({ line: z.string(), fiscalYear: fy.nullable(), ...writtenMoney, periodNote: z.string().optional(), source: z.string() }),
          ),
        }),
      ),
      actuals: z.array(
        z.object({
          line: z.string(),
          fiscalYear: fy.nullable(),
          month: z.string().optional(),
          force: z.string().optional(),
          ...writtenMoney,
          reportedOn: paperDate,
          periodNote: z.string().optional(),
          source: z.string(),
        }),
      ),
      statedTotals: z.array(
        z.object({
          fromFiscalYear: fy,
          toFiscalYear: fy,
          category: z.enum(['payroll', 'non-payroll']).nullable(),
          description: z.string(),
          ...writtenMoney,
          source: z.string(),
        }),
      ),
      shares: z.array(
        z.object({
          fiscalYear: fy.nullable(),
          basis: z.enum(['nre', 'fixed', 'demand', 'equal']),
          illustrative: z.boolean(),
          source: z.string().optional(),
          note: z.string().optional(),
          forces: z.record(z.string(), z.number().int().min(0).max(1000)),
        }),
      ),
    }),
  ),
});

export const ProgrammeFile = z.object({
  programmeFigures: z.array(
    z.object({
      code: z.string(),
      collaboration: z.string().nullable(),
      description: z.string(),
      kind: z.enum(['goal', 'predicted-savings', 'budget', 'funding', 'baseline']),
      amountPence: pence,
      perYear: z.boolean(),
      fromFiscalYear: fy.optional(),
      toFiscalYear: fy.optional(),
      asWritten: z.string(),
      source: z.string(),
      includes: z.array(z.object({ name: z.string(), function: z.string() })).optional(),
    }),
  ),
});

const benefitValue = z.object({
  milli: z.number().int(),
  asWritten: z.string(),
  date: paperDate.nullable(),
  dataSource: z.string().optional(),
  source: z.string(),
});

export const BenefitsFile = z.object({
  benefits: z.array(
    z.object({
      number: z.string().regex(/^[A-Z]+-B\d+$/),
      function: z.string(),
      source: z.string(),
      description: z.string(),
      feature: z.string(),
      category: z.enum(['direct-public-sector', 'wider-social']),
      cashClass: z.enum(['cash-releasing', 'non-cash-releasing']),
      measureClass: z.enum(['quantitative', 'qualitative']),
      measure: z.string(),
      unit: z.string().nullable(),
      direction: z.enum(['higher-is-better', 'lower-is-better']),
      isDisbenefit: z.boolean().optional(),
      owner: z.string().optional(),
      baseline: benefitValue.optional(),
      target: benefitValue.optional(),
      toleranceMilli: z.number().int().nonnegative().optional(),
      note: z.string().optional(),
    }),
  ),
});

export const DecisionsFile = z.object({
  $comment: z.string(),
  decisions: z.array(
    z.object({
      number: z.string().regex(/^CPCC \d{4}-\d{3}$/),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      title: z.string().min(1),
      decision: z.string().min(1),
      source: z.string(),
      agreements: z.array(z.string()),
      functions: z.array(z.string()),
      note: z.string().nullable(),
    }),
  ),
});

export const RisksFile = z.object({
  $comment: z.string(),
  risks: z.array(
    z.object({
      code: z.string().regex(/^[A-Z]+-R\d+$/),
      collaboration: z.string(),
      function: z.string().nullable(),
      area: z.string().min(1),
      title: z.string().min(1),
      source: z.string(),
      mitigation: z.string().nullable(),
    }),
  ),
});

export type PaperData = {
  risks: z.infer<typeof RisksFile>;
  decisions: z.infer<typeof DecisionsFile>;
  benefits: z.infer<typeof BenefitsFile>;
  papers: z.infer<typeof PapersFile>;
  organisations: z.infer<typeof OrganisationsFile>;
  functions: z.infer<typeof FunctionsFile>;
  programme: z.infer<typeof ProgrammeFile>;
};
