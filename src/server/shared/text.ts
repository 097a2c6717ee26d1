/** A text without its accents and other combining marks ("Lefèvre" → "Lefevre"): for search keys, names compared, file names. */
export const withoutAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');
