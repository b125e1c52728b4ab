// Legend words in the text colour: the series colours are too light for text on white.
export const legendText = (value: string) => <span style={{ color: '#0b0c0c' }}>{value}</span>;
