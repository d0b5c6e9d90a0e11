import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './stack';

const MAIL_DIR = join(ROOT, 'var', 'mail');

/**
 * The link to `path` (e.g. `/email/verify`, `/password/reset`) in the newest e-mail the run's mail
 * catcher kept for `email` (var/mail/*.eml) that has one, or null.
 */
export function mailedLink(email: string, path: string): string | null {
  if (!existsSync(MAIL_DIR)) return null;
  const files = readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .reverse();
  const pattern = new RegExp(`https?://[^\\s"<>]+${path.replace(/\//g, '\\/')}#token=[A-Za-z0-9._-]+`);
  for (const f of files) {
    const raw = readFileSync(join(MAIL_DIR, f), 'utf8');
    if (!raw.startsWith(`X-Envelope-To: ${email}`)) continue;
    // The body parts are quoted-printable or base64: look in both readings.
    const qp = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
    const decoded = [...raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)].map((m) =>
      Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8'),
    );
    for (const text of [qp, ...decoded]) {
      const m = pattern.exec(text);
      if (m) return m[0];
    }
  }
  return null;
}
