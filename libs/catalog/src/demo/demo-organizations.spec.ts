import { REGION_NAMES } from '@app/core';
import { DEMO_BUREAU, DEMO_ENTERPRISES, DEMO_RESEARCH } from './demo-organizations';

describe('demo organizations', () => {
  it('are each in a region of the region reference (their needs and results take it)', () => {
    const regions = [DEMO_BUREAU, ...DEMO_ENTERPRISES, ...DEMO_RESEARCH].map((o) => o.region);
    expect(regions.filter((r) => !REGION_NAMES.has(r))).toEqual([]);
  });
});
