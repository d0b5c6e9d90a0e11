import { TestApp } from './support/test-app';

describe('search before anything is published (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t.stop());

  it('answers an empty page, not an error, when no index exists yet', async () => {
    const res = await t.request('GET', '/api/search?type=need&q=磷石膏');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ items: [], total: 0 }));
  });
});
