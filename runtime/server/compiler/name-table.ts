/**
 * Every name declared in one compiled scope comes from one table, so helpers emitted by the
 * validator and by the serializer can never shadow each other.
 */
export class NameTable {
  private counter = 0;
  private readonly byKey = new Map<string, string>();

  /** A name used nowhere else in the scope: `prefix` followed by a number. */
  fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** The one name for `key` (a schema's function of one kind): allocated on first use, `created` tells whether it was new. */
  once(key: string, prefix: string): { name: string; created: boolean } {
    const known = this.byKey.get(key);
    if (known !== undefined) return { name: known, created: false };
    const name = this.fresh(prefix);
    this.byKey.set(key, name);
    return { name, created: true };
  }
}
