/**
 * A JSON body of an action's arguments by parameter name, as a generated `{ a, b }` would be: an undefined
 * argument leaves no key; own data properties, so a parameter named `__proto__` is a key like any other.
 */
export function namedArguments(parameters: readonly string[], args: readonly unknown[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  parameters.forEach((name, index) => {
    if (args[index] !== undefined) Object.defineProperty(body, name, { value: args[index], writable: true, enumerable: true, configurable: true });
  });
  return body;
}
