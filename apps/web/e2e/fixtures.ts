import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadState, ROOT } from './stack';

export const BASE = process.env.WEB_BASE_URL ?? 'http://127.0.0.1:3199';
export const BUREAU = { email: 'bureau@demo.jingmen.local', password: 'Demo-Bureau-2026' };
export const DEMO_PASSWORD = 'Demo-Org-2026';
export const UNIVERSITY = { email: 'u1@demo.jingmen.local', password: DEMO_PASSWORD };

/** Calls the API directly (for the steps the bureau takes outside these journeys, and for checks). */
export async function apiCall<T = any>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
}

export async function apiLogin(email: string, password: string): Promise<string> {
  const res = await apiCall<{ accessToken: string }>('POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** Polls until `probe` answers something truthy. */
export async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Moves the server clock (api and worker) forward, e.g. past a notice period. */
export function advanceServerClock(ms: number): void {
  const file = loadState()?.env.TEST_CLOCK_FILE;
  if (!file) throw new Error('no test clock in this run');
  const current = existsSync(file) ? Number(readFileSync(file, 'utf8')) || 0 : 0;
  writeFileSync(file, String(current + ms));
}

const SHOTS = join(ROOT, 'var', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Saves a screenshot of the page under var/screenshots/ (not committed). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** No serious or critical accessibility violation (axe-core, WCAG 2 A/AA rules). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Judge the page at rest: no hover, no focus ring, no colour halfway through a transition.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // (Waits for running animations instead of switching them off: antd's popups open on animationend.)
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  await expect(page.locator('.ant-btn-loading, .ant-spin-spinning')).toHaveCount(0);
  await page.waitForTimeout(50);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(bad).toEqual([]);
}

/** Signs in through the portal's own page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .last()
    .click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/**
 * Opens the user menu (a hover menu) and picks an item. The header can still shift while the bell
 * and the account load, moving the button from under a mouse that already hovered it, so this
 * moves the mouse away and hovers again until the item shows.
 */
export async function openUserMenu(page: Page, item: string): Promise<void> {
  const menuItem = page.getByRole('menuitem', { name: item });
  await expect(async () => {
    await page.mouse.move(0, 0);
    await page.getByTestId('user-menu').hover();
    await expect(menuItem).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await menuItem.click();
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A fresh 统一社会信用代码 with a correct check character (never a real company's). */
export function creditCode(): string {
  let body = '91420800';
  while (body.length < 17) body += ALPHABET[Math.floor(Math.random() * 31)];
  const sum = [...body].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

/** A minimal valid PDF. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Picks a region in the region cascader labelled `label`: the prefecture, then the county. Opens the
 * menu again if a click landed while it was closing (antd animates it).
 */
export async function pickRegion(page: Page, label: string, prefecture: string, county: string): Promise<void> {
  const option = (name: string) => page.locator('.ant-cascader-menu-item:visible', { hasText: name }).first();
  await expect(async () => {
    if (!(await option(prefecture).isVisible())) await page.getByLabel(label, { exact: true }).click();
    await expect(option(prefecture)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await option(prefecture).click();
  await expect(option(county)).toBeVisible();
  await option(county).click();
}

/**
 * Clicks a form's submit button until the browser sends the write it makes (`url`, not a GET). On a
 * loaded machine a click can land while a popup (a select's list, a date panel) is still closing
 * over the form and send nothing; a click that did send puts the button in its loading state, so
 * a second one is never sent.
 */
export async function submitUntilSent(page: Page, button: Locator, url: RegExp): Promise<void> {
  await expect(async () => {
    const sent = page.waitForRequest((r) => r.method() !== 'GET' && url.test(r.url()), { timeout: 5_000 });
    await button.click();
    await sent;
  }).toPass({ timeout: 30_000 });
}

/**
 * Types a date into an antd date picker and confirms it with Enter (clicking a day in its panel
 * sometimes left the panel open on a loaded machine), then waits for the panel to close.
 */
export async function typeDate(page: Page, label: string, text: string, scope: Page | Locator = page): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue(text);
  await expect(page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')).toHaveCount(0);
}

/** Today's date in Beijing (YYYY-MM-DD). */
export const beijingToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
