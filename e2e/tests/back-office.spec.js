// The inspectors' back office in a real browser: the demo inspector lands on the cases of
// the police department of Belgrade, finds the demo resident's request (submitted and
// paid, from `serve --demo`), opens it — answers, documents shown in the page, history —
// and takes it; the resident then sees "Request processing" on their case page, and
// withdraws the request. Every page is checked with axe-core.
//
//   /officer/cases                     the department's queue: filters, counts, paging
//   /officer/cases/{id}                one case and the moves allowed now
//   /officer/cases/{id}/documents/{u}  a document of the case, shown inline
//   /officer/cases/{id}/take           Take the case (POST)

import {
  test,
  expect,
  DEMO_PASSWORD,
  INSPECTOR,
  RESIDENT,
  SUPERVISOR,
  go,
  newContext,
  signIn,
  visit,
} from '../lib/journey.js';
import { h1, main } from '../lib/application.js';

test('an inspector takes the demo request; the applicant sees it processed and withdraws it', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await signIn(page, INSPECTOR, DEMO_PASSWORD);
  await expect(main(page)).toContainText('Policijska uprava za grad Beograd');

  // The queue: the resident's request, not taken yet; the counts per status.
  const row = main(page).locator('table tbody tr').filter({ hasText: 'Request submitted' }).first();
  await expect(row).toContainText('Not taken yet');
  const reference = (await row.locator('td').first().innerText()).trim();
  expect(reference).toMatch(/^TR-\d{4}-\d{8}$/);
  await expect(main(page).locator('select#status option').filter({ hasText: 'Request submitted (' })).toHaveCount(1);

  // The filter: "Request processing" has none of them yet.
  await main(page).locator('select#status').selectOption('processing');
  await go(page, main(page).getByRole('button', { name: 'Show cases' }));
  await expect(page).toHaveURL(/\/officer\/cases\?status=processing&kind=&basis=$/);
  await expect(main(page)).not.toContainText(reference);
  await visit(page, '/officer/cases');

  // The case: answers, documents in the page, history, and the one move allowed now.
  await go(page, main(page).getByRole('link', { name: reference, exact: true }));
  await expect(h1(page)).toHaveText(`Case ${reference}`);
  const caseUrl = new URL(page.url()).pathname;
  await expect(main(page)).toContainText('Savski venac');
  await expect(main(page).locator('img.document__preview')).toHaveCount(5);
  const first = main(page).locator('img.document__preview').first();
  await expect.poll(async () => first.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(main(page).getByRole('heading', { name: "The applicant's answers" })).toHaveCount(1);
  await go(page, main(page).getByRole('button', { name: 'Take the case' }));
  await expect(main(page)).toContainText('You took the case.');
  await expect(main(page).locator('.status')).toContainText('Request processing');
  await expect(main(page).getByRole('button', { name: 'Take the case' })).toHaveCount(0);
  await expect(main(page).getByRole('button', { name: 'Approve the request' })).toHaveCount(1);

  // An internal note: an empty one is refused with a message (axe checks the error state),
  // then the note is kept on the case for the department's officers.
  await go(page, main(page).getByRole('button', { name: 'Add the note' }), { status: 422 });
  await expect(main(page).locator('.error-summary')).toContainText('Write a note.');
  await main(page).locator('#note').fill('Employer confirmed by phone.');
  await go(page, main(page).getByRole('button', { name: 'Add the note' }));
  await expect(main(page)).toContainText('The note was added.');
  await expect(main(page).locator('.notes')).toContainText('Employer confirmed by phone.');

  // "Only cases I handle" shows it, handled by "You".
  await visit(page, '/officer/cases?mine=1');
  await expect(main(page).locator('table tbody tr').filter({ hasText: reference })).toContainText('You');

  // The supervisor gives the case to another officer of the department (here, herself).
  const sup = await newContext(browser, baseURL);
  try {
    const s = await sup.newPage();
    await signIn(s, SUPERVISOR, DEMO_PASSWORD);
    await visit(s, caseUrl);
    await s.locator('#to').selectOption({ label: 'Sonja Supervisor' });
    await go(s, main(s).getByRole('button', { name: 'Reassign the case' }));
    await expect(main(s)).toContainText('The case was given to another officer.');
    await expect(main(s).locator('.summary').first()).toContainText('Handled by');
    await expect(main(s).locator('.summary').first()).toContainText('You');
  } finally {
    await sup.close();
  }

  // The resident sees the new status and the event, in another browser.
  const context = await newContext(browser, baseURL);
  try {
    const r = await context.newPage();
    await signIn(r, RESIDENT, DEMO_PASSWORD);
    await visit(r, '/applications');
    await go(r, main(r).getByRole('link', { name: reference, exact: true }));
    await expect(main(r).locator('.status')).toContainText('Request processing');
    await expect(main(r)).toContainText('An inspector took the request');
    // Who looked at the request: role and department, never a name.
    const looks = main(r).getByRole('table', { name: 'Who has looked at your request' });
    await expect(looks).toContainText('Took the request');
    await expect(looks).toContainText('Inspector');
    await expect(looks).toContainText('Policijska uprava za grad Beograd');
    await expect(looks).not.toContainText('Ivan');
    await expect(main(r)).not.toContainText('Employer confirmed');

    // Before a decision the resident may withdraw the request, after a question.
    await go(r, main(r).getByRole('link', { name: 'Withdraw the request' }));
    await expect(h1(r)).toHaveText('Withdraw this request?');
    await go(r, main(r).getByRole('button', { name: 'Yes, withdraw the request' }));
    await expect(main(r)).toContainText('You withdrew the request.');
    await expect(main(r).locator('.status')).toContainText('Withdrawn');
    await expect(main(r).getByRole('link', { name: 'Withdraw the request' })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
