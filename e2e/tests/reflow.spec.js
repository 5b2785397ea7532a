// Narrow screens (issue 14, C8; WCAG 1.4.10 reflow, which axe does not check): at 375 CSS px
// no page scrolls sideways: tables stack into labelled rows, long words wrap. And one primary
// (filled) button per page (issue D). `checkPage` (lib/journey.js) makes both checks on
// every page shown, next to axe.

import { expectOnePrimaryButton, NARROW_WIDTH } from '../lib/layout.js';
import { test, expect, activeApplicant, clientAddress, go, newPerson, signIn, visit } from '../lib/journey.js';
import { confirmPayment, submitApplication } from '../lib/application.js';

const FEES_QUERY = new URLSearchParams({
  kind: 'first',
  basis: 'employment.employment_contract',
  municipality: '016',
  payer: 'Ana Petrović',
}).toString();

/** A table shown as stacked rows: every data cell carries its column's name. */
async function expectStackedTable(table) {
  const page = table.page();
  await page.setViewportSize({ width: NARROW_WIDTH, height: 800 });
  const cells = await table.locator('tbody td').evaluateAll((tds) =>
    tds.map((td) => ({ label: td.getAttribute('data-label'), display: getComputedStyle(td).display, text: td.textContent.trim() })),
  );
  expect(cells.length, 'rows in the table').toBeGreaterThan(0);
  for (const c of cells) {
    if (!c.text) continue;
    expect(c.display, `cell "${c.text}" laid out as a row of its own`).not.toBe('table-cell');
  }
  // The column names the cells repeat are those of the header.
  const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
  for (const c of cells) if (c.label) expect(headers).toContain(c.label);
}

test('public pages do not scroll sideways at 375 px; the fee table stacks into labelled rows', async ({ page }) => {
  await page.setViewportSize({ width: NARROW_WIDTH, height: 800 });
  for (const url of ['/', '/login', '/login/password', '/register', '/password/forgot', '/residence', '/residence/bases', '/residence/eligibility', '/residence/absences']) {
    await visit(page, url);
  }
  // The fee table with its long payee column, and the slip, in English and in Russian.
  await visit(page, `/residence/fees?${FEES_QUERY}`);
  await expect(page.locator('main .slip')).toHaveCount(1);
  await expectStackedTable(page.locator('main table.table'));
  await visit(page, `/residence/fees?${FEES_QUERY}&lang=ru`, { htmlLang: /^ru$/ });
  await expect(page.locator('main .slip')).toHaveCount(1);
  // Calculate is the page's primary button; the slip's download is secondary.
  await expectOnePrimaryButton(page);
});

test('signed-in pages at 375 px: My applications, the case history, the e-Mailbox and its document', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const person = newPerson('Iryna', 'Tkachenko', 'walnut-harbour-signal-29');
  await activeApplicant(browser, baseURL, person);
  await signIn(page, person.email, person.password);
  const app = await submitApplication(page, person);
  await confirmPayment(browser, baseURL, app);
  // The receipt is written by a background job.
  await expect.poll(async () => (await (await page.request.get('/mailbox')).text()).includes('href="/mailbox/'), { timeout: 60_000 }).toBe(true);

  await page.setViewportSize({ width: NARROW_WIDTH, height: 800 });
  await visit(page, '/applications');
  await expectStackedTable(page.locator('main table.table'));

  await visit(page, app);
  await expect(page.locator('main table.table tbody tr')).not.toHaveCount(0);
  await expectStackedTable(page.locator('main table.table'));

  await visit(page, '/mailbox');
  await expectStackedTable(page.locator('main table.table'));
  await go(page, page.locator('main table').getByRole('link').first());
  await expect(page.locator('main')).toContainText('Not opened yet');
  await go(page, page.getByRole('button', { name: 'Open the document' }));
  await expect(page.getByRole('link', { name: 'Download the PDF' })).toBeVisible();

  for (const url of ['/applications/new', '/account', '/account/details', '/account/sessions']) await visit(page, url);
  await expectStackedTable(page.locator('main table.table').first());
  // The sessions come from the test's own client address (X-Forwarded-For, lib/journey.js).
  await expect(page.locator('main table.table').first()).toContainText(clientAddress());

  // Russian has the longest words: with tables laid out as tables, the case history
  // scrolled sideways only in Russian.
  for (const url of ['/applications', app, '/mailbox']) {
    await visit(page, `${url}?lang=ru`, { htmlLang: /^ru$/ });
    await expectStackedTable(page.locator('main table.table'));
  }
});
