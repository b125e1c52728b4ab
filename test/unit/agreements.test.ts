import { describe, expect, it } from 'vitest';
import { agreementStatusWords } from '../../server/contracts/words';
import { agreementStatus, disagreements, dueUntil, fallingDue, lastDayOf, reviewsNotRecorded, type MilestoneFact } from '../../server/domain/agreements';

const m = (kind: string, date: string, about: string | null = null): MilestoneFact => ({ kind, date, description: `${kind} ${date}`, sourceId: 's', about });
// The Seven Force agreement as the papers give it (paper 003, 6.1, and CPCC 2019-007).
const SEVEN_FORCE = [m('commences', '2015-10-22'), m('signed', '2016-03'), m('review', '2016-10-21'), m('expires', '2017-03-31', 'original end'), m('extended', '2019-03-13'), m('expires', '2019-03-31', 'original end'), m('expires', '2021-03-31')];

describe('where an agreement stands', () => {
  it('is in force until its last end date, then ended or renewed unknown: never current for ever', () => {
    expect(agreementStatus(SEVEN_FORCE, '2020-06-01')).toEqual({ kind: 'in-force', endsOn: '2021-03-31', latestRecorded: '2019-03-31' });
    expect(agreementStatus(SEVEN_FORCE, '2021-03-31')).toEqual({ kind: 'in-force', endsOn: '2021-03-31', latestRecorded: '2021-03-31' });
    expect(agreementStatus(SEVEN_FORCE, '2021-04-01')).toEqual({ kind: 'ended-or-unknown', endedOn: '2021-03-31' });
    expect(agreementStatusWords(agreementStatus(SEVEN_FORCE, '2026-12-01'))).toBe('Ended 31 March 2021, unless renewed: the papers say nothing after');
  });

  it('has not commenced before its first start, and compares a paper’s date at its own precision', () => {
    expect(agreementStatus([m('commences', '2017-04-01')], '2017-03-31')).toEqual({ kind: 'not-commenced', startsOn: '2017-04-01' });
    expect(agreementStatus([m('signed', '2016-11')], '2016-11-01')).toEqual({ kind: 'in-force', endsOn: null, latestRecorded: '2016-11' });
    expect(agreementStatusWords(agreementStatus([m('signed', '2016-11'), m('review', '2018-05-01')], '2026-12-01'))).toBe(
      'In force as far as the papers say: they give no end date, and their latest word on it is of 1 May 2018',
    );
    expect(agreementStatus([m('signed', '2016-11')], '2016-10-31').kind).toBe('not-commenced');
    expect(agreementStatus([m('review', '2016')], '2020-01-01')).toEqual({ kind: 'unknown' });
    expect(lastDayOf('2016')).toBe('2016-12-31');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
  });

  it('finds the reviews and end dates falling due in the window, and passed reviews with nothing after them', () => {
    const ctc = [m('signed', '2016-12'), m('member-joins', '2019-05-01'), m('review', '2022-04-30')];
    expect(fallingDue(ctc, '2022-01-15', 6).map((x) => x.date)).toEqual(['2022-04-30']);
    expect(fallingDue(ctc, '2022-01-15', 3)).toEqual([]);
    expect(fallingDue(SEVEN_FORCE, '2020-12-01', 6).map((x) => x.date)).toEqual(['2021-03-31']);
    expect(reviewsNotRecorded(ctc, '2026-12-01').map((x) => x.date)).toEqual(['2022-04-30']);
    // The Seven Force review of October 2016 was followed by the extension: not asked about.
    expect(reviewsNotRecorded(SEVEN_FORCE, '2026-12-01')).toEqual([]);
  });

  it('ends a month-long window on the month’s last day, and orders end dates by the last day they can mean', () => {
    expect(dueUntil('2022-01-31', 1)).toBe('2022-02-28');
    expect(dueUntil('2024-01-31', 1)).toBe('2024-02-29');
    expect(dueUntil('2022-01-15', 6)).toBe('2022-07-15');
    expect(agreementStatus([m('signed', '2015'), m('expires', '2021'), m('expires', '2021-03-31')], '2021-06-01').kind).toBe('in-force');
  });

  it('keeps both claims where the papers disagree on a date', () => {
    expect(disagreements(SEVEN_FORCE)).toEqual([{ about: 'original end', claims: [SEVEN_FORCE[3], SEVEN_FORCE[5]] }]);
    expect(disagreements([m('expires', '2017-03-31', 'original end')])).toEqual([]);
  });
});
