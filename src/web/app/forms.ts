/** A Select's value narrowed to the list it offers (Mantine's Select hands back a plain string), or null. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}
