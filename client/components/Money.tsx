import { formatMoney, formatMoneyShort, qualified } from '../lib/money';

/** A sum of money: compact (£4.6m) or in full (£4,600,000), with the exact pence in the markup, and the paper's word for it ("over"). */
export function Money({ pence, short = false, qualifier = null }: { pence: number | null; short?: boolean; qualifier?: string | null | undefined }) {
  if (pence === null) return <span className="muted">none recorded</span>;
  return <data value={pence}>{qualified(short ? formatMoneyShort(pence) : formatMoney(pence), qualifier)}</data>;
}
