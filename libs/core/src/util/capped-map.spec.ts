import { CappedMap } from './capped-map';

describe('CappedMap', () => {
  it('drops the oldest entry beyond its size, and counts an entry set again as the newest', () => {
    const m = new CappedMap<string, number>(2);
    m.set('a', 1).set('b', 2).set('a', 3).set('c', 4);
    expect([...m.entries()]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
