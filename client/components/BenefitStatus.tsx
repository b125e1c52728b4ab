import type { BenefitSummary } from '../../server/contracts/benefits';

// A benefit's status: a word and a shape beside the colour, as for savings.
export const BENEFIT_STATUS: Record<BenefitSummary['rag'], { word: string; icon: string; className: string }> = {
  green: { word: 'On track', icon: '✓', className: 'rag-green' },
  amber: { word: 'At risk', icon: '!', className: 'rag-amber' },
  red: { word: 'Off track', icon: '✕', className: 'rag-red' },
  'not-measured': { word: 'Not yet measured', icon: '–', className: 'rag-none' },
  'no-target': { word: 'No target set', icon: '?', className: 'rag-none' },
};

export function BenefitStatus({ rag }: { rag: BenefitSummary['rag'] }) {
  const status = BENEFIT_STATUS[rag];
  return (
    <span className={`rag ${status.className}`} data-benefit-status={rag}>
      <span className="rag-icon" aria-hidden="true">
        {status.icon}
      </span>
      {status.word}
    </span>
  );
}

export const directionWords = (direction: BenefitSummary['direction']) => (direction === 'lower-is-better' ? 'lower is better' : 'higher is better');
