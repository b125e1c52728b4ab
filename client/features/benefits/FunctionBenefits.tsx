import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { benefitsQuery } from '../../api/queries';
import { BenefitsTable } from './BenefitsTable';

/** On a function's page: its benefits beside its savings. */
export function FunctionBenefits({ slug, name }: { slug: string; name: string }) {
  const benefits = useQuery(benefitsQuery({ function: slug }));
  if (!benefits.data || benefits.data.benefits.length === 0) return null;
  return (
    <section aria-labelledby="benefits-heading">
      <h2 id="benefits-heading">Benefits beyond savings</h2>
      <BenefitsTable benefits={benefits.data.benefits} caption={`${name}’s benefits and where each stands`} showFunction={false} />
      <p>
        <Link href={`/benefits?function=${slug}`}>{name} in the benefits register</Link>, with downloads.
      </p>
    </section>
  );
}
