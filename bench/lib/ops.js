const LOOP_BODY = `
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let index = 0; index < iterations; index++) sink += operation();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the sum alive');
  return iterations / seconds;
`;

/**
 * A timing loop of its own for `operation`: `(iterations) => operations per second`. Each loop is a
 * separate function, so its call site sees one operation only and the comparison does not depend on
 * which side ran first. The operation returns a number that is summed, so that its calls cannot be dropped.
 */
export function timingLoop(operation) {
  const loop = new Function('process', 'operation', 'iterations', LOOP_BODY);
  return (iterations) => loop(process, operation, iterations);
}
