/**
 * Does a parsed JSON value nest arrays and objects deeper than `max`? The recursion stops at `max`,
 * so it is as deep as the limit and no deeper, whatever the value.
 */
export function exceedsDepth(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (max <= 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (exceedsDepth(item, max - 1)) return true;
    return false;
  }
  for (const key in value) if (exceedsDepth((value as Record<string, unknown>)[key], max - 1)) return true;
  return false;
}
