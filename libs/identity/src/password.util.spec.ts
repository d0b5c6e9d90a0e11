import { hashPassword, verifyPassword } from './password.util';

describe('password hashing', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => (process.env.NODE_ENV = env));

  it('uses the library defaults outside tests and a cheap cost in tests; both verify', async () => {
    process.env.NODE_ENV = 'production';
    const strong = await hashPassword('Abcdef123');
    process.env.NODE_ENV = 'test';
    const cheap = await hashPassword('Abcdef123');
    expect(strong).toContain('$m=65536,p=4,t=3$');
    expect(cheap).toContain('$m=4096,p=1,t=1$');
    expect(await verifyPassword(strong, 'Abcdef123')).toBe(true);
    expect(await verifyPassword(cheap, 'Abcdef123')).toBe(true);
    expect(await verifyPassword(cheap, 'wrong')).toBe(false);
  });
});
