// The online application for temporary residence (issue 4), long lists in a real browser:
// My applications (/applications) and the e-Mailbox (/mailbox) come 20 to a page, with
// previous and next links, and a page past the end says so. The lists are filled through the
// API the pages themselves use (the forms' own requests: start a draft; post each step, the
// uploads and the submission; the supervisor's confirmation of each payment, see
// lib/application.js), then walked in the browser with the page checks of lib/journey.js (axe
// WCAG 2.2 AA, <html lang>, reflow at 375 px, one primary button).
// Each test registers its own applicant (register, confirm the mail, the verification officer
// approves).

import { test, expect, activeApplicant, escapeRe, go, newPerson, signIn, visit } from '../lib/journey.js';
import { EN, confirmPayments, main, startApplication, submitApplication } from '../lib/application.js';

/**
 * Walks a list of `total` rows (21 to 40) at `listPath`: 20 on page 1 (no previous link), the
 * rest on page 2 (no next link), back to page 1, and a page past the end that says so and
 * links to the first. Returns the cells of column `column` (1-based) of both pages, page 1
 * first.
 */
async function walkPagesOf(page, listPath, column, total = 21) {
  const rows = () => main(page).locator('table tbody tr');
  const nav = () => page.getByRole('navigation', { name: EN.paginationLabel });
  const cells = async () => (await rows().locator(`td:nth-child(${column})`).allTextContents()).map((c) => c.trim());
  const at = escapeRe(listPath);

  await visit(page, listPath);
  await expect(rows()).toHaveCount(20);
  await expect(nav().getByRole('link', { name: EN.previousPage })).toHaveCount(0);
  await expect(nav().locator('[aria-current="page"]')).toHaveText('Page 1');
  const first = await cells();
  await go(page, nav().getByRole('link', { name: EN.nextPage }));
  await expect(page).toHaveURL(new RegExp(`${at}\\?page=2$`));
  await expect(rows()).toHaveCount(total - 20);
  await expect(nav().getByRole('link', { name: EN.nextPage })).toHaveCount(0);
  const second = await cells();
  await go(page, nav().getByRole('link', { name: EN.previousPage }));
  await expect(page).toHaveURL(new RegExp(`${at}$`));
  await expect(rows()).toHaveCount(20);
  // A page past the end says so and links back.
  await visit(page, `${listPath}?page=9`);
  await expect(main(page)).toContainText('There is nothing on this page.');
  await go(page, main(page).getByRole('link', { name: 'Go to the first page' }));
  await expect(rows()).toHaveCount(20);
  return [...first, ...second];
}

/** The `based_on` hidden field of a form page: the answers the form is based on. */

test('long lists: My applications comes 20 to a page with previous and next links', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const person = newPerson('Olena', 'Bondar', 'meadow-lantern-quartz-58');
  await activeApplicant(browser, baseURL, person);
  await signIn(page, person.email, person.password);
  // 21 drafts: the first through the pages, the rest by posting the same form.
  await startApplication(page, EN.kindFirst);
  await visit(page, '/applications/new');
  const csrf = await page.locator('main form input[name="csrf_token"]').first().inputValue();
  for (let i = 0; i < 20; i += 1) {
    const res = await page.request.post('/applications/new', {
      form: { csrf_token: csrf, kind: 'first' },
      maxRedirects: 0,
    });
    expect(res.status(), `draft ${i + 2}`).toBe(303);
  }
  await walkPagesOf(page, '/applications', 1);
});

test('long lists: the e-Mailbox comes 20 to a page with previous and next links', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const person = newPerson('Taras', 'Melnyk', 'orchard-compass-violet-73');
  await activeApplicant(browser, baseURL, person);
  await signIn(page, person.email, person.password);
  const request = page.request;
  // The page whose form the requests below post.
  await visit(page, '/applications/new');
  // 11 requests submitted and paid: 22 documents (each a confirmation of receipt and a
  // certificate of the initiated procedure).
  const apps = [];
  for (let i = 0; i < 11; i += 1) apps.push(await submitApplication(page, person));

  // A supervisor confirms the 11 payments (the form of /officer/payments, one per case).
  await confirmPayments(browser, baseURL, apps);

  // The documents are written by the background jobs: wait until the 22nd is there.
  await expect
    .poll(async () => (await (await request.get('/mailbox?page=2')).text()).split('href="/mailbox/').length - 1 >= 2, { timeout: 120_000 })
    .toBe(true);
  const references = await walkPagesOf(page, '/mailbox', 2, 22);
  expect(references.length).toBe(22);
  const counts = new Map();
  for (const r of references) counts.set(r, (counts.get(r) || 0) + 1);
  expect(counts.size, 'each request twice: its confirmation and its certificate').toBe(11);
  for (const [r, n] of counts) {
    expect(r).toMatch(/^TR-\d{4}-\d{8}$/);
    expect(n).toBe(2);
  }
  await expect(main(page)).toContainText('22 unread documents');
});
