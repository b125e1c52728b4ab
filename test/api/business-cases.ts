// A business case as a programme officer enters it: Joint Protective Services in the BCH Alliance,
// two lines and three years of targets. Shared by the tests of adding a function and of who may.
export const JPS = {
  slug: 'joint-protective-services',
  name: 'Joint Protective Services',
  collaboration: 'bch',
  leadForce: 'hertfordshire',
  agreement: 'jps-psd-procurement',
  description: 'Armed policing, roads policing, dogs and the operational support unit, run together for the three forces.',
  toleranceTenthsPercent: 50,
  businessCase: { title: 'Joint Protective Services full business case', date: '2018-03', paragraph: '5.2', quote: 'savings of £1.2m a year by 2020/21' },
  headline: { amountPence: 120_000_000, qualifier: 'about', asWritten: '£1.2m', paragraph: '1.3', quote: 'about £1.2m a year' },
  lines: [
    {
      name: 'Staff savings',
      category: 'payroll',
      driver: 'One armed response rota across three counties',
      kind: 'cashable',
      recurrence: 'recurring',
      targets: [
        { fiscalYear: '2018-19', amountPence: 30_000_000 },
        { fiscalYear: '2019-20', amountPence: 60_000_000 },
        { fiscalYear: '2020-21', amountPence: 90_000_000 },
      ],
    },
    {
      name: 'Vehicle fleet',
      category: 'non-payroll',
      driver: 'A smaller shared fleet',
      kind: 'cashable',
      recurrence: 'recurring',
      targets: [
        { fiscalYear: '2018-19', amountPence: 10_000_000 },
        { fiscalYear: '2019-20', amountPence: 20_000_000 },
        { fiscalYear: '2020-21', amountPence: 30_000_000 },
      ],
    },
  ],
};
