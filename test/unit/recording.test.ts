import { describe, expect, it } from 'vitest';
import { entryProblems, type EntryContext } from '../../server/domain/recording';

const context: EntryContext = {
  today: '2019-06-20',
  functionName: 'Chiltern Transport Consortium',
  lineYears: ['2019-20'],
  members: [
    { force: 'bedfordshire', joinedOn: '2016-12', leftOn: null },
    { force: 'btp', joinedOn: '2019-05-01', leftOn: null },
    { force: 'thames-valley', joinedOn: '2016-12', leftOn: '2019-05-01' },
  ],
};
const entry = { measure: 'actual' as const, fiscalYear: '2019-20', month: '2019-05', force: 'bedfordshire' };

describe('entryProblems', () => {
  it('passes a good entry', () => {
    expect(entryProblems(entry, context)).toEqual([]);
  });

  it.each([
    ['a month outside its year', { month: '2020-04' }, 'month', 'is not in FY 2019/20'],
    ['a year the line has no target in', { fiscalYear: '2018-19', month: null }, 'fiscalYear', 'targets only in FY 2019/20'],
    ['an actual for a month not yet begun', { month: '2019-07' }, 'month', 'record a forecast instead'],
    ['a force outside the collaboration', { force: 'kent' }, 'force', 'is not a member'],
    ['a force before it joined', { force: 'btp', month: '2019-04' }, 'force', 'had not joined by then'],
    ['a force after it left', { force: 'thames-valley', month: '2019-06' }, 'force', 'had left the collaboration by then: it left on 2019-05-01'],
  ])('refuses %s', (_name, change, path, words) => {
    const problems = entryProblems({ ...entry, ...change }, context);
    expect(problems).toContainEqual({ path, message: expect.stringContaining(words) });
  });

  it('counts the day a force leaves as its first day out, as the day it joins is its first day in', () => {
    expect(entryProblems({ ...entry, force: 'thames-valley', month: '2019-04' }, context)).toEqual([]);
    expect(entryProblems({ ...entry, force: 'thames-valley', month: '2019-05' }, context)[0]?.message).toBe('thames-valley had left the collaboration by then: it left on 2019-05-01.');
  });

  it('lets a forecast be for a period not yet begun', () => {
    expect(entryProblems({ ...entry, measure: 'forecast', month: '2020-03' }, context)).toEqual([]);
  });

  it('refuses any yearly entry on a line not profiled by year', () => {
    expect(entryProblems(entry, { ...context, lineYears: [] })[0]).toMatchObject({ path: 'fiscalYear', message: expect.stringContaining('not profiled by year') });
  });
});
