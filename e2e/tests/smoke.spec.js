// Smoke test: the public pages load, in English and in Serbian (Latin script),
// without broken assets and without WCAG 2.2 AA violations.

import { test, expect, expectNoA11yViolations } from '../lib/fixtures.js';
import { expectReflow, expectOnePrimaryButton } from '../lib/layout.js';

/** Records same-origin responses >= 400 and uncaught page errors while the test runs. */
function watchForErrors(page, baseURL) {
  const problems = [];
  page.on('response', (res) => {
    if (res.url().startsWith(baseURL) && res.status() >= 400) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return problems;
}

const languages = [
  { label: 'English', query: '', htmlLang: /^en\b/ },
  { label: 'Serbian (Latin)', query: '?lang=sr-Latn', htmlLang: /^sr-Latn\b/i },
];

for (const { label, query, htmlLang } of languages) {
  test.describe(label, () => {
    for (const path of ['/', '/login']) {
      test(`${path} loads and has no accessibility violations`, async ({ page, baseURL }) => {
        const problems = watchForErrors(page, baseURL);
        const res = await page.goto(`${path}${query}`);
        expect(res?.status(), `GET ${path}${query}`).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
        await expect(page).toHaveTitle(/\S/);
        await expectNoA11yViolations(page);
        await expectReflow(page);
        await expectOnePrimaryButton(page);
        expect(problems, 'failed requests or script errors').toEqual([]);
      });
    }
  });
}
