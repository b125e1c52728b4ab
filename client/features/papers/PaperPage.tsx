import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearch } from 'wouter';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { formatPaperDate } from '../../lib/dates';
import { usePageTitle } from '../../lib/page';

/**
 * The quote's words, however the paper's text breaks its lines: the span of the text they cover,
 * from its first fragment to its last where the quote leaves words out ("…").
 */
function findPassage(text: string, quote: string): { start: number; end: number } | null {
  let from = 0;
  let start: number | null = null;
  for (const fragment of quote.split('…').map((f) => f.trim()).filter(Boolean)) {
    const words = fragment.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(words.join('\\s+'), 'g');
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) return null;
    start ??= match.index;
    from = match.index + match[0].length;
  }
  return start === null ? null : { start, end: from };
}

/** A board paper, in Realise, with the passage a figure cites marked and scrolled to. */
export function PaperPage({ paperId }: { paperId: string }) {
  const sourceId = new URLSearchParams(useSearch()).get('source');
  const paper = useQuery({ queryKey: ['papers', paperId], queryFn: async () => unwrap(await api.api.papers[':paperId'].$get({ param: { paperId } })), staleTime: Infinity });
  usePageTitle(paper.data ? `Paper ${paper.data.paperId}: ${paper.data.title}` : 'A board paper');
  useEffect(() => {
    if (paper.data) document.getElementById('cited-passage')?.scrollIntoView({ block: 'center' });
  }, [paper.data, sourceId]);
  return (
    <QueryState query={paper} what="the paper">
      {(data) => {
        const cited = data.passages.find((p) => p.id === sourceId) ?? null;
        const span = cited ? findPassage(data.text, cited.quote) : null;
        return (
          <article className="paper" data-testid="paper">
            <h1>
              Paper {data.paperId}: {data.title}
            </h1>
            <p className="muted">{formatPaperDate(data.date)}</p>
            {cited ? (
              <p className="notice">
                The passage cited (paragraph {cited.paragraph}) is marked below{span ? '' : ', though its words are not found exactly as the text has them'}: “{cited.quote}”
              </p>
            ) : null}
            <div className="paper-text">
              {span ? (
                <>
                  {data.text.slice(0, span.start)}
                  <mark id="cited-passage" tabIndex={-1}>
                    {data.text.slice(span.start, span.end)}
                  </mark>
                  {data.text.slice(span.end)}
                </>
              ) : (
                data.text
              )}
            </div>
          </article>
        );
      }}
    </QueryState>
  );
}
