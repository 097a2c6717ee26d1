/** A calendar date `YYYY-MM-DD` as people read it in France and in our documents: `31/03/2026`. */
export const frenchDate = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
