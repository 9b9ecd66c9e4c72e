/** A first normalisation of channel names: full/half width, case and spacing. The flag engine refines it. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}
