import { TestApp } from './support/test-app';

describe('health when a service is down (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Meilisearch pointed at a closed port; PostgreSQL and Redis are the real ones.
    t = await TestApp.start({ MEILI_HOST: 'http://127.0.0.1:9' });
  });
  afterAll(async () => t.stop());

  it('answers 503 and names the service that is down', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual(
      expect.objectContaining({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('meilisearch') }),
    );
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'postgres', message: 'up' },
        { field: 'redis', message: 'up' },
        expect.objectContaining({ field: 'meilisearch', message: expect.stringMatching(/^down/) }),
      ]),
    );
  });
});
