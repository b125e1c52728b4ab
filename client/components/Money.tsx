import { formatMoney, formatMoneyShort } from '../lib/money';

/** A sum of money: compact (£4.6m) or in full (£4,600,000), with the exact pence in the markup, and the paper's word for it ("over"). */
export function Money({ pence, short = false, qualifier = null }: { pence: number | null; short?: boolean; qualifier?: string | null | undefined }) {
  if (pence === null) return <span className="muted">none recorded</span>;
  const amount = short ? formatMoneyShort(pence) : formatMoney(pence);
  // The qualifier is its own element so a headline can set it smaller than the figure; it reads the same.
  return (
    <data value={pence} className="money">
      {qualifier ? <span className="qualifier">{qualifier} </span> : null}
      {amount}
    </data>
  );
}
