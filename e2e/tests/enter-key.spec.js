// Enter in a text field submits a form's primary action (issue 14, C1 and C2), also where other
// submit buttons come first in the form: "Remove" of a file kept from a refused registration
// or correction, "Add another trip" of the absence calculator. Browsers press the first submit
// button of the form on Enter (HTML implicit submission); these forms start with a hidden
// copy of their primary button for that.

import { waitForMail, mailMark } from '../lib/fixtures.js';
import {
  test,
  expect,
  checkPage,
  checkWithoutJs,
  confirmEmail,
  expectRegistrationSent,
  fillRegistration,
  go,
  navigation,
  newContext,
  newPerson,
  officerDecides,
  shift,
  signIn,
  visit,
} from '../lib/journey.js';
import { useTempDir, writePdf, writePng } from '../lib/testfiles.js';

const tmp = useTempDir(test, 'eforeigner-enter-');

/** The list of files kept from the refused submit. */
const keptFiles = (page) => page.locator('main .uploaded .file-list li .file-name');

/**
 * Submits the registration form without the surname, so it comes back refused with the
 * uploaded file listed (and its "Remove" button before "Create account").
 */
async function refusedRegistration(page, person, file) {
  await fillRegistration(page, person, file, { omit: ['surname'] });
  await go(page, page.getByRole('button', { name: 'Create account', exact: true }), { status: 422 });
  await expect(keptFiles(page)).toHaveText([file.name]);
  await expect(page.getByRole('button', { name: `Remove ${file.name}` })).toBeVisible();
  // One "Create account" for keyboard and screen reader users: the default copy is hidden.
  await expect(page.getByRole('button', { name: 'Create account', exact: true })).toHaveCount(1);
}

test('registration: after a refused submit with a kept file, Enter in a text field registers and keeps the file', async ({ page }) => {
  test.setTimeout(90_000);
  const person = newPerson('Oksana', 'Hnatiuk', 'juniper-harvest-beacon-66');
  const passport = writePng(tmp('passport-enter.png'));
  await visit(page, '/register');
  await refusedRegistration(page, person, passport);

  await page.locator('#surname').fill(person.surname);
  await page.locator('#password').fill(person.password);
  const res = await navigation(page, () => page.locator('#surname').press('Enter'));
  expect(res?.status(), 'Enter registers').toBe(200);
  await expectRegistrationSent(page, person);
  await checkPage(page);

  // The kept file went with the registration: the account lists it.
  await confirmEmail(page, person);
  await signIn(page, person.email, person.password);
  await expect(page.locator('main .status h2')).toHaveText('Status: Awaiting verification');
  await expect(page.locator('main .file-list')).toContainText(passport.name);
});

test('registration without JavaScript: Enter in a text field after a refused submit registers', async ({ browser, baseURL }) => {
  const context = await newContext(browser, baseURL, { javaScriptEnabled: false });
  const checker = await newContext(browser, baseURL);
  try {
    const page = await context.newPage();
    checkWithoutJs(page, checker);
    const person = newPerson('Halyna', 'Moroz', 'thistle-compass-marble-47');
    const passport = writePdf(tmp('passport-enter-nojs.pdf'), 'Passport');
    await visit(page, '/register');
    await refusedRegistration(page, person, passport);
    await page.locator('#surname').fill(person.surname);
    await page.locator('#password').fill(person.password);
    const res = await navigation(page, () => page.locator('#email').press('Enter'));
    expect(res?.status(), 'Enter registers').toBe(200);
    await expectRegistrationSent(page, person);
    await checkPage(page);
    await waitForMail({ to: person.email, subjectContains: 'Confirm your e-mail address' });
  } finally {
    await context.close();
    await checker.close();
  }
});

test('account correction: after a refused submit with a kept file, Enter sends the correction for verification', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const person = newPerson('Bohdan', 'Lysenko', 'granite-meadow-falcon-82');
  const blurry = writePng(tmp('blurry-enter.png'), 40, 30);
  const rescan = writePdf(tmp('rescan-enter.pdf'), 'Passport rescan');

  await visit(page, '/register');
  await fillRegistration(page, person, blurry);
  await go(page, page.getByRole('button', { name: 'Create account', exact: true }));
  await expectRegistrationSent(page, person);
  await confirmEmail(page, person);
  await officerDecides(browser, baseURL, person, async (o) => {
    const mark = mailMark();
    await o.getByLabel('Reason').selectOption({ label: 'The document cannot be read' });
    await o.getByLabel(/Note for the applicant/).fill('Please upload a sharper scan.');
    await go(o, o.getByRole('button', { name: 'Reject', exact: true }));
    await waitForMail({ to: person.email, subjectContains: 'Your account needs a correction', after: mark });
  });

  await signIn(page, person.email, person.password);
  await go(page, page.getByRole('link', { name: 'Correct your data' }));
  await expect(page).toHaveURL(/\/account\/correct$/);
  // A refused correction: the surname emptied, the new file attached.
  await page.locator('#surname').fill('');
  await page.locator('#documents').setInputFiles(rescan.path);
  await go(page, page.getByRole('button', { name: 'Send for verification', exact: true }), { status: 422 });
  await expect(keptFiles(page)).toHaveText([rescan.name]);
  await expect(page.getByRole('button', { name: `Remove ${rescan.name}` })).toBeVisible();

  await page.locator('#surname').fill(person.surname);
  const res = await navigation(page, () => page.locator('#surname').press('Enter'));
  expect(res?.status(), 'Enter sends the correction').toBe(200);
  await expect(page).toHaveURL(/\/account\?done=corrected$/);
  await checkPage(page);
  await expect(page.locator('main .status h2')).toHaveText('Status: Awaiting verification');
  await expect(page.locator('main .file-list li')).toHaveText([new RegExp(`^${rescan.name.replace('.', '\\.')}\\b`)]);
});

test('absence calculator: Enter in a date field calculates instead of adding a trip', async ({ page }) => {
  await visit(page, '/residence/absences');
  const today = await page.locator('#application_date').inputValue();
  await expect(page.locator('main fieldset.trip')).toHaveCount(3);
  // One "Calculate" in the accessibility tree; the default copy is hidden.
  await expect(page.getByRole('button', { name: 'Calculate', exact: true })).toHaveCount(1);
  await page.locator('#departed_0').fill(shift(today, { days: -100 }));
  await page.locator('#returned_0').fill(shift(today, { days: -90 }));

  const res = await navigation(page, () => page.locator('#returned_0').press('Enter'));
  expect(res?.status(), 'Enter calculates').toBe(200);
  const url = new URL(page.url());
  expect(url.searchParams.has('add_trip'), 'Enter is not "Add another trip"').toBe(false);
  await expect(page.locator('main .answer')).toHaveClass(/\banswer--yes\b/);
  await expect(page.locator('main .answer dl.summary')).toContainText('9 days');
  await expect(page.locator('main fieldset.trip')).toHaveCount(3);
  await checkPage(page);

  // The button itself still adds a row.
  await go(page, page.getByRole('button', { name: 'Add another trip' }));
  await expect(page.locator('main fieldset.trip')).toHaveCount(4);
});
