/** A Map that holds at most `max` entries: setting a new one beyond that drops the oldest set. */
export class CappedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    // Set again, an entry becomes the newest.
    this.delete(key);
    if (this.size >= this.max) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}
