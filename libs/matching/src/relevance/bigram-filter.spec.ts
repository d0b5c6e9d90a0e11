import { BigramFilter } from './bigram-filter';
import { bigramsOfNormalized, normalizeText } from './chinese-text.util';

describe('BigramFilter', () => {
  const text = normalizeText('锂离子动力电池热失控，GH536高温合金；134a冷媒。镉');
  const all = bigramsOfNormalized(text);

  it('counts the same length as bigramsOfNormalized', () => {
    expect(new BigramFilter([]).scan(text).length).toBe(all.length);
  });

  it('returns exactly the wanted tokens, with repetitions, in order', () => {
    const wanted = ['电池', 'gh536', '134a', '镉', '无人'];
    expect(new BigramFilter(wanted).scan(text).tokens).toEqual(all.filter((t) => wanted.includes(t)));
    expect(new BigramFilter(['电池']).scan('电池与电池').tokens).toEqual(['电池', '电池']);
  });
});
