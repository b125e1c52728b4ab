import type { Rag } from '../../server/contracts/common';
import type { z } from 'zod';

type RagValue = z.infer<typeof Rag>;

// Never colour alone: every state has a word and a shape as well.
export const RAG_LABEL: Record<RagValue, { word: string; icon: string; meaning: string }> = {
  green: { word: 'On track', icon: '✓', meaning: 'delivered at or above target' },
  amber: { word: 'At risk', icon: '!', meaning: 'below target, within tolerance' },
  red: { word: 'Off track', icon: '✕', meaning: 'below target, beyond tolerance' },
  none: { word: 'No actual yet', icon: '–', meaning: 'no actual recorded yet' },
};

export function RagBadge({ rag, detail }: { rag: RagValue; detail?: string }) {
  const label = RAG_LABEL[rag];
  return (
    <span className={`rag rag-${rag}`} data-rag={rag}>
      <span className="rag-icon" aria-hidden="true">
        {label.icon}
      </span>
      {label.word}
      {detail ? <span className="rag-detail"> {detail}</span> : null}
    </span>
  );
}
