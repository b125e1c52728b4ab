// Legend words in the text colour: the series colours are too light for text on white.
export const legendText = (value: string) => <span style={{ color: '#0b0c0c' }}>{value}</span>;

/** Tooltip entries in the text colour: a series' own colour as text (turquoise on white) is below WCAG's 4.5:1. */
export const tooltipText = { itemStyle: { color: '#0b0c0c' }, labelStyle: { color: '#0b0c0c', fontWeight: 700 } } as const;
