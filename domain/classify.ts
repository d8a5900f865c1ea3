/**
 * Class limits for a choropleth: quantiles of the values, rounded to two significant digits
 * so a legend reads "1.200 – 2.499" rather than "1.187 – 2.503". Returns the lower limits of
 * classes 2…n, ascending and distinct (fewer than n − 1 when values repeat a lot).
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const breaks: number[] = [];
  for (let k = 1; k < classes; k++) {
    const value = niceRound(sorted[Math.floor((k / classes) * sorted.length)] as number);
    if (value > (sorted[0] as number) && (breaks.length === 0 || value > (breaks[breaks.length - 1] as number))) {
      breaks.push(value);
    }
  }
  return breaks;
}

/** Rounds to two significant digits (1187 → 1200, 0.437 → 0.44). */
export function niceRound(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/** Index of the class a value falls in, given the lower limits of classes 2…n. */
export function classOf(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= (breaks[i] as number)) i++;
  return i;
}
