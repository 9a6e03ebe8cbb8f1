/** Deterministic Incydr-shaped event IDs for the tests. */
export function eventId(n: number): string {
  const hex = (n * 2654435761).toString(16).padStart(12, '0').slice(-12);
  return `0_147e9445-2f30-4a91-8b2a-${hex}_973435567569502913_986467523038446${String(n).padStart(3, '0')}_${n % 1000}`;
}

export function eventIds(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => eventId(from + i));
}
