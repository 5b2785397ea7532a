// The account story in a real browser, with an axe WCAG 2.2 AA check on every page shown:
// registration (with a mistake first, and an upload that must survive it), e-mail
// confirmation, waiting for verification, the officer's approval, password change and
// recovery; a rejection followed by a correction; the same story in Serbian Cyrillic; and
// registration without JavaScript.

import { waitForMail, mailMark, extractLink } from '../lib/fixtures.js';
import {
  test,
  expect,
  ACCOUNT_TEXT as TEXT,
  DEMO_PASSWORD,
  VERIFIER,
  checkPage,
  checkWithoutJs,
  confirmEmail,
  expectRegistrationSent,
  fillRegistration,
  mainSubmit,
  newContext,
  newPerson,
  signIn,
  submit,
  visit,
} from '../lib/journey.js';
import { useTempDir, writePdf, writePng } from '../lib/testfiles.js';

// The texts the tests look for, per page language: ACCOUNT_TEXT of lib/journey.js.

// ---------------------------------------------------------------------------------------
// helpers

/** After a refused submit: every typed value except the password is shown again. */
async function expectValuesKept(page, person, { except = [] } = {}) {
  const keep = (k) => !except.includes(k);
  if (keep('given_names')) await expect(page.locator('#given_names')).toHaveValue(person.given);
  if (keep('surname')) await expect(page.locator('#surname')).toHaveValue(person.surname);
  await expect(page.locator('#date_of_birth')).toHaveValue(person.dob);
  await expect(page.locator('#sex-female')).toBeChecked();
  await expect(page.locator('#citizenship')).toHaveValue('UA');
  await expect(page.locator('#has_ebs-no')).toBeChecked();
  await expect(page.locator('#id_doc_type-passport')).toBeChecked();
  await expect(page.locator('#id_doc_number')).toHaveValue(person.docNumber);
  await expect(page.locator('#id_doc_expiry')).toHaveValue(person.expiry);
  await expect(page.locator('#email')).toHaveValue(person.email);
  if (keep('consent')) await expect(page.locator('#consent')).toBeChecked();
  // The password is deliberately not sent back to the browser.
  await expect(page.locator('#password')).toHaveValue('');
}

/** The refused form lists the file kept from the first submit, so it need not be chosen again. */
async function expectUploadKept(page, file, t) {
  const kept = page.locator('main .uploaded');
  await expect(kept.getByRole('heading', { name: t.uploadsKept })).toBeVisible();
  await expect(kept.locator('.file-list li .file-name')).toHaveText([file.name]);
  // The file input itself is empty again (browsers cannot prefill it).
  expect(await page.locator('#documents').evaluate((el) => el.files.length)).toBe(0);
}

/**
 * Registers `person` on /register in the page's current language. With `mistake`, the first
 * submit leaves that field wrong and the refused page is checked before fixing it.
 */
async function register(page, person, file, { t = TEXT.en, mistake = null, js = true } = {}) {
  await expect(page.locator('h1')).toHaveText(t.registerTitle);
  if (mistake) {
    await fillRegistration(page, person, file, { omit: [mistake] });
    const refused = await submit(page, page.getByRole('button', { name: t.registerSubmit, exact: true }));
    expect(refused?.status(), 'refused registration').toBe(422);
    await expect(page.locator('h1')).toHaveText(t.registerTitle);

    // Error summary at the top, linking to the field, and the same message at the field.
    const summary = page.locator('#error-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary.getByRole('heading', { level: 2 })).toHaveText(t.errorSummary);
    // Each field says what it needs (crates/web/src/error.rs, field_error_message).
    const message = { consent: t.consentRequired, surname: t.surnameRequired }[mistake];
    expect(message, `a message for the mistake ${mistake}`).toBeTruthy();
    const link = summary.getByRole('link', { name: message });
    await expect(link).toHaveAttribute('href', `#${mistake}`);
    await expect(summary.getByRole('link')).toHaveCount(1);
    await expect(page.locator(`#${mistake}-error`)).toHaveText(message);
    await expect(page.locator(`#${mistake}`)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${mistake}`)).toHaveAttribute('aria-describedby', new RegExp(`\\b${mistake}-error\\b`));
    if (js) await expect(summary).toBeFocused(); // app.js moves focus to the summary

    await expectValuesKept(page, person, { except: [mistake] });
    await expectUploadKept(page, file, t);
    await checkPage(page, { htmlLang: t.htmlLang });

    // The summary link takes the user to the field; fix it and send again without the file.
    await link.click();
    await expect(page.locator(`#${mistake}`)).toBeFocused();
    if (mistake === 'consent') await page.locator('#consent').check();
    else if (mistake === 'surname') await page.locator('#surname').fill(person.surname);
    else throw new Error(`register(): no fix for mistake ${mistake}`);
    await page.locator('#password').fill(person.password);
  } else {
    await fillRegistration(page, person, file);
  }
  const sent = await submit(page, page.getByRole('button', { name: t.registerSubmit, exact: true }));
  expect(sent?.status(), 'registration').toBe(200);
  // "Check your e-mail" names the address the link went to.
  await expectRegistrationSent(page, person, { t });
  await checkPage(page, { htmlLang: t.htmlLang });
}

/** The status heading of /account, e.g. "Status: Awaiting verification". */
const statusHeading = (page) => page.locator('main .status h2');

/** The officer opens the case of `person` from the queue and checks data and documents. */
async function openCase(page, person, documents) {
  await visit(page, '/officer/verifications');
  await expect(page.locator('h1')).toHaveText('Accounts awaiting verification');
  await submit(page, page.locator('main table').getByRole('link', { name: person.fullName, exact: true }));
  await expect(page).toHaveURL(/\/officer\/verifications\/[^/]+$/);
  await expect(page.locator('h1')).toHaveText(person.fullName);
  await checkPage(page);

  const data = page.locator('section.case__data dl');
  const fact = (label) => data.locator('.summary__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  await expect(fact('Given name\\(s\\)')).toHaveText(person.given);
  await expect(fact('Surname')).toHaveText(person.surname);
  await expect(fact('Date of birth')).toHaveText(person.dob);
  await expect(fact('Sex')).toHaveText('Female');
  await expect(fact('Citizenship')).toHaveText('Ukraine');
  await expect(fact('Type of document')).toHaveText('Passport');
  await expect(fact('Document number')).toHaveText(person.docNumber);
  await expect(fact('Valid until')).toHaveText(person.expiry);
  await expect(fact('E-mail address')).toHaveText(person.email);

  // Every document: a link to open it, an inline image for pictures, and the stored bytes
  // are exactly the uploaded ones.
  const docs = page.locator('section.case__docs figure.document');
  await expect(docs).toHaveCount(documents.length);
  for (const doc of documents) {
    const figure = docs.filter({ hasText: doc.name });
    const open = figure.getByRole('link', { name: `Open ${doc.name}` });
    await expect(open).toBeVisible();
    if (doc.name.endsWith('.png')) {
      const img = figure.getByRole('img', { name: `Uploaded document ${doc.name}` });
      await expect(img).toBeVisible();
      await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    }
    const res = await page.request.get(await open.getAttribute('href'));
    expect(res.status(), `GET ${doc.name}`).toBe(200);
    expect(Buffer.compare(await res.body(), doc.bytes), `${doc.name} served as uploaded`).toBe(0);
  }
}

const tmp = useTempDir(test, 'eforeigner-upload-');

// ---------------------------------------------------------------------------------------
// tests

test('account story: register with a mistake, confirm, verification, password change and recovery', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const person = newPerson('Olena', 'Kovalenko', 'amber-violin-quarry-58');
  const changedPassword = 'copper-kettle-winter-road-19';
  const recoveredPassword = 'northern-glacier-tulip-73';
  const passport = writePng(tmp('passport-page.png'));

  await test.step('1. register: first submit without the surname, then fixed', async () => {
    await visit(page, '/register');
    await register(page, person, passport, { mistake: 'surname' });
  });

  await test.step('2. confirm the e-mail address from the mail', async () => {
    const link = await confirmEmail(page, person);
    // The link is single-use.
    await visit(page, link, { status: 410 });
    await expect(page.locator('h1')).toHaveText('This link is not valid');
  });

  await test.step('3. sign in: awaiting verification, services closed', async () => {
    await visit(page, '/login');
    await expect(page.locator('h1')).toHaveText(TEXT.en.loginChooseTitle);
    await submit(page, page.getByRole('link', { name: TEXT.en.loginWithPassword }));
    await expect(page).toHaveURL(/\/login\/password$/);
    await checkPage(page);
    await page.locator('#email').fill(person.email);
    await page.locator('#password').fill(person.password);
    await submit(page, mainSubmit(page));
    await expect(page).toHaveURL(/\/account$/);
    await checkPage(page);
    await expect(statusHeading(page)).toHaveText('Status: Awaiting verification');
    await expect(page.locator('main .file-list')).toContainText(passport.name);

    await visit(page, '/services', { status: 403 });
    await expect(page.locator('h1')).toHaveText('Access denied – your account is awaiting verification');
  });

  await test.step('4. the verification officer checks the data and the document and approves', async () => {
    const officerContext = await newContext(browser, baseURL);
    try {
      const officer = await officerContext.newPage();
      await signIn(officer, VERIFIER, DEMO_PASSWORD);
      await openCase(officer, person, [passport]);
      const mark = mailMark();
      await submit(officer, officer.getByRole('button', { name: 'Approve and activate the account' }));
      await expect(officer).toHaveURL(/\/officer\/verifications\?done=account-approved$/);
      await expect(officer.getByRole('status')).toHaveText('The account has been approved. Its owner has been told by e-mail.');
      await checkPage(officer);
      await expect(officer.getByRole('link', { name: person.fullName, exact: true })).toHaveCount(0);
      const mail = await waitForMail({ to: person.email, subjectContains: 'Your account is active', after: mark });
      expect(mail.text).toContain(`Hello ${person.given}`);
    } finally {
      await officerContext.close();
    }
  });

  await test.step('5. active: services open; change the password, sign out, sign in again', async () => {
    await visit(page, '/services');
    await expect(page.locator('h1')).toHaveText('Services');
    await visit(page, '/account');
    await expect(statusHeading(page)).toHaveText('Status: Active');

    await visit(page, '/account/password');
    await expect(page.locator('h1')).toHaveText('Change password');
    // A wrong current password first: refused with an error at the field.
    await page.locator('#current_password').fill('not-my-password-at-all');
    await page.locator('#new_password').fill(changedPassword);
    const refused = await submit(page, mainSubmit(page));
    expect(refused?.status()).toBe(422);
    await expect(page.locator('#error-summary')).toContainText('The current password is not correct.');
    await expect(page.locator('#current_password-error')).toHaveText('The current password is not correct.');
    await checkPage(page);

    const mark = mailMark();
    await page.locator('#current_password').fill(person.password);
    await page.locator('#new_password').fill(changedPassword);
    await submit(page, mainSubmit(page));
    await expect(page).toHaveURL(/\/account\?done=password-changed$/);
    await expect(page.getByRole('status')).toHaveText(/Your password has been changed/);
    await checkPage(page);
    await waitForMail({ to: person.email, subjectContains: 'Your password has been changed', after: mark });

    await submit(page, page.locator('header').getByRole('button', { name: TEXT.en.signOut }));
    await expect(page.locator('h1')).toHaveText('You are signed out');
    await checkPage(page);

    // Signed out, /account leads to the sign-in form, which brings the user back after it.
    await visit(page, '/account');
    await expect(page).toHaveURL(/\/login\/password\?next=%2Faccount$/);
    // The old password no longer works; the new one does.
    await page.locator('#email').fill(person.email);
    await page.locator('#password').fill(person.password);
    const wrong = await submit(page, mainSubmit(page));
    expect(wrong?.status()).toBe(422);
    await expect(page.locator('#email-error')).toHaveText(TEXT.en.loginInvalid);
    await expect(page.locator('#email')).toHaveValue(person.email);
    await checkPage(page);
    await page.locator('#password').fill(changedPassword);
    await submit(page, mainSubmit(page));
    await expect(page).toHaveURL(/\/account$/);
    await checkPage(page);
    await expect(statusHeading(page)).toHaveText('Status: Active');
  });

  await test.step('6. recover the password through the mail link', async () => {
    await submit(page, page.locator('header').getByRole('button', { name: TEXT.en.signOut }));
    await checkPage(page);
    await visit(page, '/password/forgot');
    await expect(page.locator('h1')).toHaveText('Password recovery');
    const mark = mailMark();
    await page.locator('#email').fill(person.email);
    await submit(page, mainSubmit(page));
    await expect(page.locator('h1')).toHaveText('Check your e-mail');
    await checkPage(page);

    const mail = await waitForMail({ to: person.email, subjectContains: 'Set a new password', after: mark });
    const link = extractLink(mail.text, '/password/reset');
    await visit(page, link);
    await expect(page.locator('h1')).toHaveText('Set a new password');
    await page.locator('#password').fill(recoveredPassword);
    await submit(page, mainSubmit(page));
    await expect(page.locator('h1')).toHaveText('Your password has been changed');
    await checkPage(page);

    await signIn(page, person.email, recoveredPassword);
    await expect(statusHeading(page)).toHaveText('Status: Active');
  });
});

test('rejection and correction: the applicant sees the reason, uploads a new file and is back in verification', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const person = newPerson('Dmytro', 'Shevchenko', 'lilac-harbour-engine-31');
  const blurry = writePng(tmp('blurry-scan.png'), 40, 30);
  const rescan = writePdf(tmp('passport-rescan.pdf'), 'Passport rescan');
  const note = 'The photo is too blurred to read the number. Please upload a sharper scan.';

  await visit(page, '/register');
  await register(page, person, blurry);
  await confirmEmail(page, person);

  const officerContext = await newContext(browser, baseURL);
  try {
    const officer = await officerContext.newPage();
    await test.step('the officer rejects with a reason and a note', async () => {
      await signIn(officer, VERIFIER, DEMO_PASSWORD);
      await openCase(officer, person, [blurry]);
      const mark = mailMark();
      await officer.getByLabel('Reason').selectOption({ label: 'The document cannot be read' });
      await officer.getByLabel(/Note for the applicant/).fill(note);
      await submit(officer, officer.getByRole('button', { name: 'Reject', exact: true }));
      await expect(officer).toHaveURL(/\/officer\/verifications\?done=account-rejected$/);
      await expect(officer.getByRole('status')).toHaveText(
        'The account has been rejected with the reason given. Its owner has been told by e-mail and can correct the data.',
      );
      await checkPage(officer);
      await expect(officer.getByRole('link', { name: person.fullName, exact: true })).toHaveCount(0);
      const mail = await waitForMail({ to: person.email, subjectContains: 'Your account needs a correction', after: mark });
      expect(mail.text).toContain('Reason: The document cannot be read');
      expect(mail.text).toContain(note);
    });

    await test.step('the applicant sees the reason and the note, and corrects', async () => {
      await signIn(page, person.email, person.password);
      await expect(statusHeading(page)).toHaveText('Status: Correction needed');
      const status = page.locator('main .status');
      await expect(status).toContainText('Reason: The document cannot be read');
      await expect(status).toContainText(`Note from the officer: ${note}`);

      await submit(page, page.getByRole('link', { name: 'Correct your data' }));
      await expect(page).toHaveURL(/\/account\/correct$/);
      await expect(page.locator('h1')).toHaveText('Correct your data');
      await checkPage(page);
      // The entered data are there to correct.
      await expect(page.locator('#given_names')).toHaveValue(person.given);
      await expect(page.locator('#surname')).toHaveValue(person.surname);
      await expect(page.locator('#id_doc_number')).toHaveValue(person.docNumber);
      await expect(page.locator('#citizenship')).toHaveValue('UA');

      await page.locator('#documents').setInputFiles(rescan.path);
      await submit(page, page.getByRole('button', { name: 'Send for verification' }));
      await expect(page).toHaveURL(/\/account\?done=corrected$/);
      await checkPage(page);
      await expect(statusHeading(page)).toHaveText('Status: Awaiting verification');
      // The new file replaces the old one.
      await expect(page.locator('main .file-list li')).toHaveText([new RegExp(`^${rescan.name.replace('.', '\\.')}\\b`)]);
    });

    await test.step('the account is back in the officer\'s queue with the new document', async () => {
      await openCase(officer, person, [rescan]);
    });
  } finally {
    await officerContext.close();
  }
});

test('in Serbian Cyrillic: register with a mistake, confirm, sign in, account page; language switch', async ({ page }) => {
  test.setTimeout(90_000);
  const t = TEXT['sr-Cyrl'];
  const person = newPerson('Олена', 'Петренко', 'mountain-violet-bicycle-64');
  const passport = writePng(tmp('pasos.png'));

  await test.step('switch to Cyrillic with the header buttons on /register', async () => {
    await visit(page, '/register');
    await submit(page, page.locator('.lang-switch button[value="sr-Cyrl"]'));
    await expect(page).toHaveURL(/\/register$/);
    await expect(page.locator('.lang-switch button[value="sr-Cyrl"]')).toHaveAttribute('aria-current', 'true');
    await checkPage(page, { htmlLang: t.htmlLang });
  });

  await test.step('register without the consent first, then fixed', async () => {
    await register(page, person, passport, { t, mistake: 'consent' });
  });

  await test.step('the mail is in Cyrillic; confirm', async () => {
    await confirmEmail(page, person, { t });
  });

  await test.step('sign-in pages and a refused sign-in', async () => {
    await visit(page, '/login', { htmlLang: t.htmlLang });
    await expect(page.locator('h1')).toHaveText(t.loginChooseTitle);
    await visit(page, '/login/password', { htmlLang: t.htmlLang });
    await page.locator('#email').fill(person.email);
    await page.locator('#password').fill('wrong-password-for-this-one');
    const refused = await submit(page, mainSubmit(page));
    expect(refused?.status()).toBe(422);
    await expect(page.locator('#error-summary h2')).toHaveText(t.errorSummary);
    await expect(page.locator('#email-error')).toHaveText(t.loginInvalid);
    await checkPage(page, { htmlLang: t.htmlLang });
    await signIn(page, person.email, person.password, { t });
    await expect(statusHeading(page)).toHaveText(`${t.statusHeading}: ${t.awaiting}`);
    await visit(page, '/services', { status: 403, htmlLang: t.htmlLang });
    await expect(page.locator('h1')).toHaveText('Приступ није дозвољен – Ваш налог чека проверу');
  });

  await test.step('switch the signed-in account page to English and to Serbian Latin', async () => {
    await visit(page, '/account', { htmlLang: t.htmlLang });
    await submit(page, page.locator('.lang-switch button[value="en"]'));
    await expect(page).toHaveURL(/\/account$/);
    await checkPage(page, { htmlLang: TEXT.en.htmlLang });
    await expect(statusHeading(page)).toHaveText('Status: Awaiting verification');
    await submit(page, page.locator('.lang-switch button[value="sr-Latn"]'));
    await checkPage(page, { htmlLang: /^sr-Latn$/ });
    await expect(statusHeading(page)).toHaveText('Status: Čeka proveru');
    await expect(page.locator('h1')).toHaveText('Vaš nalog');
  });
});

test('without JavaScript: register with an upload, a mistake first, and reach "Check your e-mail"', async ({ browser, baseURL }) => {
  const context = await newContext(browser, baseURL, { javaScriptEnabled: false });
  const checker = await newContext(browser, baseURL);
  try {
    const page = await context.newPage();
    checkWithoutJs(page, checker);
    const person = newPerson('Iryna', 'Bondarenko', 'saffron-lighthouse-anchor-27');
    const passport = writePdf(tmp('passport-nojs.pdf'), 'Passport');
    await visit(page, '/register');
    // No script ran: app.js adds a show/hide button to password fields.
    await expect(page.locator('.password-toggle')).toHaveCount(0);
    await register(page, person, passport, { mistake: 'surname', js: false });
    const mail = await waitForMail({ to: person.email, subjectContains: TEXT.en.confirmSubject });
    expect(extractLink(mail.text, '/confirm-email')).toMatch(/token=/);
  } finally {
    await context.close();
    await checker.close();
  }
});
