import { describe, expect, it } from 'vitest';
import { withCarriedShares, withCarriedTargets, yearsCarried, yearsToRecord } from '../../server/domain/carry';

const target = (lineId: number, fy: string | null, amountPence: number) => ({ lineId, fy, amountPence, carriedFrom: null as string | null });
const carried = (t: ReturnType<typeof target>, fy: string) => ({ ...t, fy, carriedFrom: t.fy });

describe('a recurring saving carried forward', () => {
  it('repeats the latest yearly target into each year to the carry year, marked as carried', () => {
    const targets = [target(1, '2016-17', 100), target(1, '2017-18', 250), target(2, '2017-18', 7)];
    expect(withCarriedTargets(targets, [{ lineId: 1, through: '2019-20', retiredOn: null }], carried)).toEqual([
      ...targets,
      { lineId: 1, fy: '2018-19', amountPence: 250, carriedFrom: '2017-18' },
      { lineId: 1, fy: '2019-20', amountPence: 250, carriedFrom: '2017-18' },
    ]);
  });
  it('keeps a year the business case gives its own target, and carries nothing from the day the line retired', () => {
    const targets = [target(1, '2017-18', 250), target(1, '2019-20', 0)];
    // The latest target is FY 2019/20's own £0: nothing to carry before it, and it is what is carried after.
    expect(withCarriedTargets(targets, [{ lineId: 1, through: '2020-21', retiredOn: null }], carried).slice(2)).toEqual([{ lineId: 1, fy: '2020-21', amountPence: 0, carriedFrom: '2019-20' }]);
    expect(withCarriedTargets([target(1, '2017-18', 250)], [{ lineId: 1, through: '2020-21', retiredOn: '2019-04-01' }], carried).map((t) => t.fy)).toEqual(['2017-18', '2018-19']);
    // A line with no yearly target carries nothing.
    expect(withCarriedTargets([target(1, null, 250)], [{ lineId: 1, through: '2020-21', retiredOn: null }], carried)).toHaveLength(1);
  });
  it('splits a carried year as the year it is carried from, unless it has shares of its own', () => {
    const shares = [
      { fy: '2017-18', force: 'a', note: null },
      { fy: '2019-20', force: 'b', note: null },
    ];
    const result = withCarriedShares(shares, new Map([['2018-19', '2017-18'], ['2019-20', '2017-18']]));
    expect(result.map((s) => [s.fy, s.force])).toEqual([['2017-18', 'a'], ['2019-20', 'b'], ['2018-19', 'a']]);
    expect(result[2]!.note).toContain('FY 2017/18');
  });
  it('offers the carried years for recording', () => {
    expect(yearsCarried('2017-18', '2019-20')).toEqual(['2018-19', '2019-20']);
    expect(yearsCarried('2017-18', '2017-18')).toEqual([]);
    expect(yearsToRecord(['2016-17', '2017-18'], '2019-20')).toEqual(['2016-17', '2017-18', '2018-19', '2019-20']);
    expect(yearsToRecord(['2017-18'], null)).toEqual(['2017-18']);
    expect(yearsToRecord([], '2019-20')).toEqual([]);
  });
});
