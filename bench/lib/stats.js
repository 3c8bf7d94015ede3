/** The middle value (the mean of the two middle values for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function round(value, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** `12,345` */
export function grouped(value) {
  return Math.round(value).toLocaleString('en-US');
}

/**
 * Runs `sides` one after another, `rounds` times, so that drift on a shared machine hits every side alike,
 * after one unrecorded round that lets the JIT settle.
 */
export async function alternate(rounds, sides, { warmUp = true } = {}) {
  if (warmUp) for (const side of Object.values(sides)) await side(-1);
  const samples = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  for (let index = 0; index < rounds; index++) {
    const order = index % 2 === 0 ? Object.keys(sides) : Object.keys(sides).reverse();
    for (const name of order) samples[name].push(await sides[name](index));
  }
  return samples;
}
