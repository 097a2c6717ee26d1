/** Names compared the way a front desk types them: no accents, no case, single spaces ("Lefèvre" finds "LEFEVRE"). */
export function searchKey(...parts: string[]): string {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
