// The words the users use for the ledger's codes.

export const CATEGORY_LABEL: Record<string, string> = {
  payroll: 'Payroll',
  'non-payroll': 'Non-payroll',
  unspecified: 'Not stated in the papers',
};

export const RECURRENCE_LABEL: Record<string, string> = {
  recurring: 'Recurring',
  'one-off': 'One-off',
  unspecified: 'Not stated',
};

export const KIND_LABEL: Record<string, string> = {
  cashable: 'Cashable',
  'non-cashable': 'Non-cashable',
  'cost-avoidance': 'Cost avoidance',
};

export const BASIS_LABEL: Record<string, string> = {
  nre: 'Net Revenue Expenditure',
  fixed: 'Fixed split',
  demand: 'Demand',
  equal: 'Equal shares',
  mixed: 'Varies by year',
};

export const MILESTONE_LABEL: Record<string, string> = {
  'outline-business-case': 'Outline business case approved',
  'full-business-case': 'Full business case approved',
  'business-case': 'Business case presented',
  signed: 'Signed',
  commences: 'Commences',
  review: 'Review',
  expires: 'Expires',
  extended: 'Extended',
  'go-live': 'Go-live',
  'member-joins': 'Member joins',
};

/** A function's name short enough for a chart's axis: its usual abbreviation, or its first word and any number that ends it ("National 153"). */
export const shortName = (fn: { slug: string; name: string }) => {
  if (fn.slug === 'ctc') return 'CTC';
  if (fn.slug === 'aoj') return 'AOJ';
  const number = /\s(\d+)$/.exec(fn.name)?.[1];
  return `${fn.name.split(' ')[0]!}${number ? ` ${number}` : ''}`;
};
