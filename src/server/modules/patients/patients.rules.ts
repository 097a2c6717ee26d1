/** Accents set aside: "Décès" → "Deces". */
export const withoutAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Names compared the way a front desk types them: no accents, no case, single spaces ("Lefèvre" finds "LEFEVRE"). */
export function searchKey(...parts: string[]): string {
  return withoutAccents(parts.join(' '))
    .toLowerCase()
    .replace(/[^a-z0-9@.' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
