import { Link, useLocation, useSearchParams } from 'wouter';
import { useAddressProblems } from '../lib/url';

/** Says which of the address's filters could not be read and what is shown instead, with a way to a clean address. */
export function AddressProblems() {
  const problems = useAddressProblems();
  const [params] = useSearchParams();
  const [location] = useLocation();
  if (problems.length === 0) return null;
  const clean = new URLSearchParams(params);
  for (const p of problems) clean.delete(p.param);
  const href = `${location}${clean.toString() ? `?${clean}` : ''}`;
  return (
    <div className="notice" role="status" data-testid="address-problems">
      <p>The address of this page asks for something Realise cannot read:</p>
      <ul>
        {problems.map((p) => (
          <li key={p.param}>
            {p.param}: {p.message}
          </li>
        ))}
      </ul>
      <p>
        <Link href={href}>Open this view without {problems.length === 1 ? 'it' : 'them'}</Link>, or choose the period and date above.
      </p>
    </div>
  );
}
