// Self-test of the harness (no real server needed): global setup starts
// selftest/fake_server.py instead of the eforeigner binary. Run: npm run selftest

import { test, expect, expectNoA11yViolations, waitForMail, mailMark, extractLink } from '../lib/fixtures.js';
import { runAxe } from '../lib/axe.js';

test('pages load through baseURL and pass axe', async ({ page, server }) => {
  expect(server.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await page.goto('/login?lang=sr-Latn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Latn');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prijava');
  await expectNoA11yViolations(page);
  expect(server.serverOutput()).toContain('demo user:');
});

test('axe reports violations with rule ids and nodes', async ({ page }) => {
  await page.setContent('<html><body><img src="x.png"><a href="#"></a></body></html>');
  const { violations } = await runAxe(page);
  expect(violations.map((v) => v.id)).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name']));
  await expect(expectNoA11yViolations(page)).rejects.toThrow(/image-alt \[critical\].*\n.*\n.*img/);
});

test('mail sent by the server arrives, parses and its link works', async ({ page }) => {
  const to = `Ana.${Date.now()}@Example.test`;
  await page.goto(`/selftest/send-mail?to=${encodeURIComponent(to)}`);
  const first = await waitForMail({ to, subjectContains: 'Confirm', timeoutMs: 10_000 });
  expect(first.subject).toBe('Potvrdite adresu – Confirm your e-mail address');
  expect(first.text).toContain('Ćirilica: Здраво!');
  expect(first.html).toContain('Здраво!');
  const link = extractLink(first.text, '/confirm-email');
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/confirm-email\?token=[\w-]+$/);
  expect(extractLink(first.html, '/confirm-email')).toBe(link);

  // A second mail to the same address: mailMark() skips the first.
  const mark = mailMark();
  await page.goto(`/selftest/send-mail?to=${encodeURIComponent(to)}`);
  const second = await waitForMail({ to, subjectContains: 'Confirm', after: mark });
  expect(extractLink(second.text, '/confirm-email')).not.toBe(link);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirmed');
  await expect(waitForMail({ to: 'nobody@example.test', timeoutMs: 500 })).rejects.toThrow(/no mail to nobody/);
});
