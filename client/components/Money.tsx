import { formatMoney, formatMoneyShort } from '../lib/money';

/** A sum of money: compact (£4.6m) or in full (£4,600,000), with the exact pence in the markup. */
export function Money({ pence, short = false }: { pence: number | null; short?: boolean }) {
  if (pence === null) return <span className="muted">none recorded</span>;
  return <data value={pence}>{short ? formatMoneyShort(pence) : formatMoney(pence)}</data>;
}
