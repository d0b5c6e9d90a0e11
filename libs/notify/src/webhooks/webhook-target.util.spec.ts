import { assertPublicTarget, isPrivateAddress, urlProblem } from './webhook-target.util';
import { allowPrivateTargets } from './webhooks.service';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-ip',
  ])('treats %s as private', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('treats %s as public', (ip) =>
    expect(isPrivateAddress(ip)).toBe(false),
  );

  it('refuses bad schemes and credentials', () => {
    expect(urlProblem('ftp://example.com')).toContain('http');
    expect(urlProblem('https://u:p@example.com')).toContain('用户名');
    expect(urlProblem('nonsense')).toBe('不是有效的网址');
    expect(urlProblem('https://example.com/hook')).toBeNull();
  });

  it('refuses loopback and private targets outside development and test', async () => {
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://localhost/x',
      'http://[::1]/x',
      'http://10.0.0.5/x',
      'http://192.168.0.2/x',
      'http://printer.local/x',
    ]) {
      expect(await assertPublicTarget(url, false)).toBe('目标地址属于本机或内网');
    }
    expect(await assertPublicTarget('http://127.0.0.1:8080/x', true)).toBeNull();
    expect(await assertPublicTarget('http://8.8.8.8/x', false)).toBeNull();
  });

  it('allows private targets only in development and test, or when configured', () => {
    expect(allowPrivateTargets({ nodeEnv: 'production', allowPrivateWebhooks: false })).toBe(false);
    expect(allowPrivateTargets({ nodeEnv: 'production', allowPrivateWebhooks: true })).toBe(true);
    expect(allowPrivateTargets({ nodeEnv: 'test', allowPrivateWebhooks: false })).toBe(true);
    expect(allowPrivateTargets({ nodeEnv: 'development', allowPrivateWebhooks: false })).toBe(false);
    expect(allowPrivateTargets({ nodeEnv: 'development', allowPrivateWebhooks: true })).toBe(true);
  });
});
