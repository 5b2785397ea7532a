// The online application for temporary residence (issue 4), the demo applicant's whole
// journey in a real browser (applicant@demo.eforeigner.test, who has no application yet), with
// the page checks of lib/journey.js (axe WCAG 2.2 AA, <html lang>, reflow at 375 px, one
// primary button) on every page shown:
//   /applications                      My applications: empty, then a first permit started
//   /applications/{id}/steps/{step}    the six steps (check, personal, reasons, details,
//                                      documents with a refused file and an XHR upload with
//                                      its progress bar, fees with the slip, its QR code and PDF)
//   /applications/{id}/review          Check your answers, a Change link, the declaration, Submit
//   /applications/{id}                 the case page awaiting payment; an upload from another
//                                      tab after the submission is not saved
//   `eforeigner payments import FILE`  the bank statement on the command line, run with the
//                                      server's own environment (data dir, SMTP sink, public
//                                      URL) so that it writes to the same database
//   /mailbox, /mailbox/{id}[/open]     the confirmation of request receipt (opened by a button), its PDF
//   /verify/{code}, /verify?code=      the public check of the confirmation's code, signed out
// The other application specs (tests/application-*.spec.js) register applicants of their own.

import fs from 'node:fs';
import { waitForMail, mailMark, extractLink } from '../lib/fixtures.js';
import {
  test,
  expect,
  DEMO_APPLICANT,
  DEMO_PASSWORD,
  checkPage,
  escapeRe,
  go,
  newContext,
  shift,
  signIn,
  submit,
  todayUtc,
  visit,
} from '../lib/journey.js';
import {
  EN,
  docSection,
  fact,
  h1,
  main,
  openStep,
  paymentsImport,
  radio,
  readSlip,
  saveAndContinue,
  saveContinue,
  startApplication,
  taskStates,
  uploadOk,
} from '../lib/application.js';
import { decodeQr, fetchPdf, pdfToText } from '../lib/documents.js';
import { useTempDir, writePdf, writePng } from '../lib/testfiles.js';

const tmp = useTempDir(test, 'eforeigner-application-');

test('first application for employment: six steps, slip with QR, submit, payment import, receipt in the e-Mailbox, verification', async ({
  page,
  browser,
  baseURL,
  server,
}) => {
  test.skip(!server.dataDir || !server.smtpUrl, 'needs the server started by global setup (data dir for the CLI)');
  test.setTimeout(240_000);
  const today = todayUtc();
  const lastEntry = shift(today, { days: -30 });
  const applicant = { given: 'Ana', surname: 'Applicant', dob: '1991-03-14', passport: 'FX482913' };
  const files = {
    photo: writePng(tmp('photograph.png'), 120, 160),
    wrong: { path: tmp('passport-scan.pdf'), name: 'passport-scan.pdf' },
    passport: writePdf(tmp('passport-main-page.pdf'), 'Passport FX482913'),
    funds: writePdf(tmp('bank-statement.pdf'), 'Bank statement'),
    beli: writePng(tmp('beli-karton.png')),
    contract: writePdf(tmp('employment-contract.pdf'), 'Employment contract'),
  };
  // A text file with a .pdf name: refused by its content.
  fs.writeFileSync(files.wrong.path, 'This is a plain text file, not a PDF.\n');
  let appUrl;
  let slip;

  await test.step('My applications: empty; start a first application', async () => {
    await signIn(page, DEMO_APPLICANT, DEMO_PASSWORD);
    await go(page, page.locator('header').getByRole('link', { name: 'My applications' }));
    await expect(h1(page)).toHaveText(EN.appsTitle);
    await expect(main(page)).toContainText(EN.appsNone);
    await startApplication(page, EN.kindFirst);
    await expect(page).toHaveURL(/\/applications\/[^/?]+$/);
    appUrl = new URL(page.url()).pathname;
    await expect(h1(page)).toHaveText(EN.tasksTitle);
    // Only the first step opens. (Its state, "Not started": see the task-list test of
    // application-drafts.spec.js.)
    expect((await taskStates(page)).slice(1)).toEqual(EN.steps.slice(1).map((s) => `${s}: ${EN.cannotStart}`));
    await expect(main(page).getByRole('link', { name: EN.steps[0], exact: true })).toHaveCount(1);
    await expect(main(page).locator('.task-list a')).toHaveCount(1);
  });

  await test.step('1. Check: citizenship, in Serbia, last entry, no D visa', async () => {
    await openStep(page, 1);
    await expect(main(page).getByLabel(EN.citizenship, { exact: true })).toHaveValue('UA'); // from the account
    await main(page).getByLabel(EN.citizenship, { exact: true }).selectOption('UA');
    await radio(page, EN.location, EN.inSerbia).check();
    await main(page).getByLabel(EN.lastEntry, { exact: true }).fill(lastEntry);
    await radio(page, EN.dVisa, EN.no).check();
    await saveAndContinue(page, 2);
  });

  await test.step('2. Personal data: names prefilled; parents, birth place, education, passport', async () => {
    const m = main(page);
    await expect(m.getByLabel(EN.givenNames, { exact: true })).toHaveValue(applicant.given);
    await expect(m.getByLabel(EN.surname, { exact: true })).toHaveValue(applicant.surname);
    await expect(m.getByLabel(EN.dateOfBirth, { exact: true })).toHaveValue(applicant.dob);
    await expect(m.getByLabel(EN.passportNumber, { exact: true })).toHaveValue(applicant.passport);
    await expect(m.getByLabel(EN.passportCountry, { exact: true })).toHaveValue('UA');
    await m.getByLabel(EN.birthPlace, { exact: true }).fill('Kharkiv, Ukraine');
    await m.getByLabel(EN.father, { exact: true }).fill('Petro');
    await m.getByLabel(EN.mother, { exact: true }).fill('Olena');
    await m.getByLabel(EN.education, { exact: true }).selectOption('master');
    await m.getByLabel(EN.passportIssued, { exact: true }).fill('2022-06-30');
    await expect(m.getByLabel(EN.passportExpiry, { exact: true })).toHaveValue('2032-06-30');
    await saveAndContinue(page, 3);
  });

  await test.step('3. Reasons: employment contract, municipality 016, address, no period', async () => {
    const m = main(page);
    await m.getByLabel(EN.ground, { exact: true }).selectOption('employment.employment_contract');
    await m.getByLabel(EN.municipality).selectOption('016');
    await m.getByLabel(EN.street, { exact: true }).fill('Bulevar kralja Aleksandra');
    await m.getByLabel(EN.houseNumber, { exact: true }).fill('73/5');
    await expect(m.getByLabel(EN.requestedUntil)).toHaveValue('');
    await saveAndContinue(page, 4);
  });

  await test.step('4. Details: employer, PIB, MB, indefinite contract, job title', async () => {
    const m = main(page);
    await m.getByLabel('Name of the employer', { exact: true }).fill('Čigra d.o.o.');
    await m.getByLabel(/^Tax identification number \(PIB\) of the employer/).fill('101134702');
    await m.getByLabel(/^Registration number \(MB\) of the employer/).fill('17162543');
    await radio(page, 'Type of employment contract', 'Indefinite (permanent)').check();
    await m.getByLabel('Job title', { exact: true }).fill('Software engineer');
    await saveAndContinue(page, 5);
  });

  await test.step('5. Documentation: a wrong file is refused, the others stay; every item uploaded', async () => {
    // The whole step is one form (so a file chosen anywhere goes with any of its buttons),
    // with one progress bar, hidden until an upload starts (JavaScript is on).
    const form = main(page).locator('form[data-upload]');
    await expect(form).toHaveCount(1);
    await expect(form.locator('progress.upload-progress')).toHaveCount(1);
    const items = form.locator('section.doc-item');
    expect(await items.count(), 'one section per checklist item').toBeGreaterThanOrEqual(5);
    await expect(form.locator('section.doc-item input[type=file]')).toHaveCount(await items.count());
    await expect(form.getByRole('button', { name: EN.saveContinue, exact: true })).toHaveCount(1);

    const photo = docSection(page, /^Photograph/);
    const passport = docSection(page, /^Scan of the passport/);
    const funds = docSection(page, /^Proof of financial means/);
    const beli = docSection(page, /^Certificate of registered stay/);
    // The document of the basis itself: the employment contract.
    const contract = docSection(page, /^Employment contract/);
    for (const s of [photo, passport, funds, beli, contract]) await expect(s).toHaveCount(1);

    // The photograph, with the upload held back a moment to see the progress bar.
    await page.route('**/applications/*/documents', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await photo.getByLabel(EN.chooseFiles).setInputFiles(files.photo.path);
    const bar = main(page).getByRole('progressbar', { name: EN.uploadProgress });
    await expect(bar).toBeHidden();
    const [uploaded] = await Promise.all([
      page.waitForNavigation(),
      (async () => {
        await photo.getByRole('button', { name: EN.upload }).click();
        await expect(bar).toBeVisible();
        await expect(photo.getByRole('button', { name: EN.upload })).toBeDisabled();
        await expect(form.getByRole('button', { name: EN.saveContinue, exact: true })).toBeDisabled();
      })(),
    ]);
    await page.unroute('**/applications/*/documents');
    expect(uploaded?.status()).toBe(200);
    await checkPage(page);
    await expect(page).toHaveURL(/\/steps\/documents\?done=files-uploaded$/);
    await expect(main(page).getByRole('status')).toHaveText(EN.filesUploaded);
    await expect(photo.locator('.file-list li')).toHaveCount(1);
    await expect(photo.locator('.file-list')).toContainText(files.photo.name);

    // A text file named .pdf: refused with the reason; the photograph is still listed.
    await passport.getByLabel(EN.chooseFiles).setInputFiles(files.wrong.path);
    await passport.getByRole('button', { name: EN.upload }).click();
    const message = `The file ${files.wrong.name} is not a PDF, JPEG or PNG.`;
    await expect(page.locator('#error-summary')).toBeVisible();
    await expect(page.locator('#error-summary')).toContainText(message);
    await checkPage(page);
    await expect(docSection(page, /^Scan of the passport/).locator('.error-message')).toHaveText(message);
    await expect(docSection(page, /^Photograph/).locator('.file-list')).toContainText(files.photo.name);
    await expect(docSection(page, /^Scan of the passport/).locator('.file-list li')).toHaveCount(0);
    // The summary link leads to the item.
    const link = page.locator('#error-summary').getByRole('link', { name: message });
    await expect(link).toHaveAttribute('href', '#doc_passport_scan');

    await uploadOk(page, docSection(page, /^Scan of the passport/), files.passport);
    await uploadOk(page, docSection(page, /^Proof of financial means/), files.funds);
    await uploadOk(page, docSection(page, /^Certificate of registered stay/), files.beli);
    for (const [name, file] of [
      [/^Photograph/, files.photo],
      [/^Scan of the passport/, files.passport],
      [/^Proof of financial means/, files.funds],
      [/^Certificate of registered stay/, files.beli],
    ]) {
      await expect(docSection(page, name).locator('.file-list li')).toHaveCount(1);
      await expect(docSection(page, name).locator('.file-list')).toContainText(file.name);
    }
    await expect(docSection(page, /^Employment contract/).locator('.file-list li')).toHaveCount(0);
    expect(await main(page).locator('.file-list li').allTextContents()).not.toContainEqual(expect.stringContaining(files.wrong.name));
    // The contract chosen but not uploaded: "Save and continue" uploads it with the step.
    await docSection(page, /^Employment contract/).getByLabel(EN.chooseFiles).setInputFiles(files.contract.path);
    await saveAndContinue(page, 6);
  });

  await test.step('6. Fees: the slip with its model-97 reference, a scannable QR code and the PDF', async () => {
    await expect(main(page).locator('table.table')).toContainText('RSD');
    await radio(page, EN.paymentMethod, EN.slip).check();
    // Save and come back later, then open the step again: the slip is there once saved.
    await go(page, main(page).getByRole('button', { name: EN.saveLater, exact: true }));
    await expect(page).toHaveURL(new RegExp(`${escapeRe(appUrl)}\\?done=saved-for-later$`));
    await expect(main(page).getByRole('status')).toHaveText(EN.savedForLater);
    expect(await taskStates(page)).toEqual(EN.steps.map((s) => `${s}: ${EN.completed}`));
    await openStep(page, 6);
    await expect(radio(page, EN.paymentMethod, EN.slip)).toBeChecked();

    slip = await readSlip(page);
    expect(slip.payer).toBe(`${applicant.given} ${applicant.surname}`);
    expect(slip.reference).toMatch(/^97 \d{2}-016\d+$/);
    const qr = slip.slip.locator('img.slip__qr');
    await expect(qr).toHaveAttribute('alt', /\S/);
    expect(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'QR image loaded').toBe(true);
    const decoded = await decodeQr(qr, tmp());
    expect(decoded, decoded).toMatch(/^K:PR\|V:01\|C:1\|R:\d{18}\|/);
    const roDigits = slip.reference.replace(/[ -]/g, ''); // 97 NN-016… -> 97NN016…
    expect(decoded).toContain(`|RO:${roDigits}`);
    expect(decoded).toContain(`|I:RSD${slip.amount.replace('.', ',')}`);
    expect(decoded).toContain(`|P:${applicant.given} ${applicant.surname}`);

    const download = main(page).getByRole('link', { name: EN.slipDownload });
    await expect(download).toHaveAttribute('href', new RegExp(`^${escapeRe(appUrl)}/slip\\.pdf`));
    const pdf = await fetchPdf(page, await download.getAttribute('href'));
    const text = pdfToText(pdf);
    expect(text).toContain(`${applicant.given} ${applicant.surname}`);
    expect(text.replace(/\s+/g, ' ')).toContain(slip.reference.slice(3)); // NN-016…
    await saveAndContinue(page, 'review');
  });

  await test.step('Check your answers: a Change link goes to its step and back; declaration; submit', async () => {
    // A second tab stays on the documents step, to upload after the submission.
    const other = await page.context().newPage();
    await visit(other, `${appUrl}/steps/documents`);
    const m = main(page);
    await expect(fact(m, EN.surname)).toHaveText(applicant.surname);
    await expect(fact(m, EN.street)).toHaveText('Bulevar kralja Aleksandra');
    await expect(fact(m, 'Name of the employer')).toHaveText('Čigra d.o.o.');
    await expect(fact(m, 'Model and reference')).toHaveText(slip.reference);
    await expect(m).toContainText(files.photo.name);
    await expect(m).toContainText(files.contract.name);
    // Every answer has its Change link, named by the row; the fee's amount and reference are
    // fixed (no link).
    await expect(fact(m, 'Amount to pay')).toHaveText(/^\d{1,3}(,\d{3})*\.\d{2}\sRSD$/);
    const rows = m.locator('dl.summary .summary__row');
    const withoutLink = await rows.filter({ hasNot: page.locator('a') }).locator('dt').allTextContents();
    expect(withoutLink.map((l) => l.trim())).toEqual(['Amount to pay', 'Model and reference']);
    await expect(m.getByRole('link', { name: /^Change / })).toHaveCount((await rows.count()) - 2);

    await go(page, m.getByRole('link', { name: `${EN.change} ${EN.street}`, exact: true }));
    await expect(h1(page)).toHaveText(EN.steps[2]);
    await expect(main(page).getByLabel(EN.street, { exact: true })).toHaveValue('Bulevar kralja Aleksandra');
    await main(page).getByLabel(EN.street, { exact: true }).fill('Bulevar kralja Aleksandra 2');
    await go(page, saveContinue(page));
    // Changed from "Check your answers": back there (not on to the next step).
    await expect(page).toHaveURL(/\/review$/);
    await expect(h1(page)).toHaveText(EN.reviewTitle);
    await expect(fact(main(page), EN.street)).toHaveText('Bulevar kralja Aleksandra 2');

    // Without the declaration: refused with the reason.
    const refused = await submit(page, main(page).getByRole('button', { name: EN.submitRequest }));
    expect(refused?.status()).toBe(422);
    await expect(page.locator('#error-summary')).toContainText('Confirm the declaration to submit the request.');
    await checkPage(page);

    await main(page).getByLabel(EN.declaration).check();
    await go(page, main(page).getByRole('button', { name: EN.submitRequest }));
    await expect(page).toHaveURL(/\?submitted=1$/);
    const panel = main(page).locator('.panel--confirmation');
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(EN.submittedTitle);
    await expect(panel.locator('.reference')).toHaveText(/^TR-\d{4}-\d{8}$/);
    slip.caseReference = (await panel.locator('.reference').textContent()).trim();
    await expect(main(page).locator('.status h2')).toHaveText(`${EN.status}: ${EN.awaitingPayment}`);
    slip.basis = (await fact(main(page), 'Basis').textContent()).trim();
    expect(slip.basis).toMatch(/^Employment – Employment on the basis of an employment contract/);
    // While awaiting payment the case page shows the same slip.
    const again = await readSlip(page);
    expect(again.reference).toBe(slip.reference);
    expect(again.amount).toBe(slip.amount);

    // The other tab uploads one more file (by XHR): the case keeps the files it was
    // submitted with, and the tab lands on the case page, which says so.
    const funds = docSection(other, /^Proof of financial means/);
    await funds.getByLabel(EN.chooseFiles).setInputFiles(files.passport.path);
    await go(other, funds.getByRole('button', { name: EN.upload }));
    await expect(other).toHaveURL(/\?locked=1$/);
    await expect(main(other).locator('.notice[role=alert]')).toHaveText(EN.caseLocked);
    await expect(main(other).locator('.status h2')).toHaveText(`${EN.status}: ${EN.awaitingPayment}`);
    await expect(fact(main(other), 'Files uploaded')).toHaveText('5');
    await other.close();
  });

  await test.step('the bank statement is imported on the command line: request submitted', async () => {
    const csv = tmp('statement.csv');
    fs.writeFileSync(csv, `reference,amount,date,payer\n${slip.reference},${slip.amount},${today},${applicant.given} ${applicant.surname}\n`);
    const mark = mailMark();
    const report = paymentsImport(server, csv);
    expect(report).toMatch(/matched/i);

    await visit(page, appUrl);
    await expect(main(page).locator('.status h2')).toHaveText(`${EN.status}: ${EN.statusSubmitted}`);
    await expect(main(page).locator('.slip')).toHaveCount(0);
    const history = main(page).locator('table.table tbody');
    await expect(history.locator('tr').filter({ hasText: EN.paymentConfirmed })).toHaveCount(1);
    await expect(history.locator('tr').filter({ hasText: EN.paymentConfirmed })).toContainText('Bank statement');

    // The mail says only that a document is waiting: no personal data.
    const mail = await waitForMail({ to: DEMO_APPLICANT, subjectContains: 'A new document is in your e-Mailbox', after: mark });
    for (const personal of [applicant.surname, applicant.passport, applicant.dob, slip.caseReference]) {
      expect(mail.text, `the mail does not contain ${personal}`).not.toContain(personal);
      expect(mail.html, `the mail's HTML does not contain ${personal}`).not.toContain(personal);
      expect(mail.subject).not.toContain(personal);
    }
    expect(extractLink(mail.text, '/mailbox')).toMatch(/\/mailbox/);
  });

  let code;
  await test.step('e-Mailbox: the confirmation of request receipt, marked New; its PDF', async () => {
    await go(page, page.locator('header').getByRole('link', { name: EN.mailboxTitle }));
    await expect(h1(page)).toHaveText(EN.mailboxTitle);
    const row = main(page).locator('table tbody tr').filter({ hasText: EN.receipt });
    await expect(row).toHaveCount(1);
    await expect(row.locator('.tag')).toHaveText(EN.unread);
    await expect(row).toContainText(slip.caseReference);

    await go(page, row.getByRole('link', { name: new RegExp(`^${EN.receipt}`) }));
    await expect(h1(page)).toHaveText(EN.receipt);
    await expect(fact(main(page), 'Case reference')).toHaveText(slip.caseReference);
    code = (await fact(main(page), EN.verifyCode).textContent()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // Looking at the page does not open the document: a button does, and records the
    // delivery receipt; only then is there a download.
    await expect(fact(main(page), EN.firstOpened)).toHaveText(EN.notOpened);
    await expect(main(page).getByRole('link', { name: EN.mailboxDownload })).toHaveCount(0);
    await go(page, main(page).getByRole('button', { name: EN.openDocument, exact: true }));
    await expect(main(page).getByRole('status')).toHaveText(EN.openedBanner);
    // A date and time in the English form, Belgrade time: "7 December 2026, 07:57".
    await expect(fact(main(page), EN.firstOpened)).toHaveText(/^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{2}:\d{2}$/);
    await expect(main(page).getByRole('button', { name: EN.openDocument })).toHaveCount(0);

    const download = main(page).getByRole('link', { name: EN.mailboxDownload });
    const pdf = await fetchPdf(page, await download.getAttribute('href'));
    const text = pdfToText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(slip.caseReference);
    expect(flat).toContain(`${applicant.given} ${applicant.surname}`);
    expect(flat).toContain(slip.basis);
    expect(flat).toContain(code);
    // The address under the QR code is this portal's (the CLI ran with its public URL).
    expect(flat).toContain(`${baseURL}/verify/${code}`);
    expect(flat).toContain(files.photo.name);

    // Opened: no longer new.
    await visit(page, '/mailbox');
    await expect(main(page).locator('table tbody tr').filter({ hasText: EN.receipt }).locator('.tag')).toHaveCount(0);
  });

  await test.step('anyone can check the code, signed out; a wrong code is not found', async () => {
    const context = await newContext(browser, baseURL);
    try {
      const p = await context.newPage();
      await visit(p, `/verify/${code}`);
      await expect(main(p).getByRole('heading', { name: 'This confirmation is genuine' })).toBeVisible();
      await expect(fact(main(p), 'Case reference')).toHaveText(slip.caseReference);
      // Anyone holding the code sees only what ties it to the passport in front of them:
      // initials, year of birth, the passport number's last three characters.
      await expect(fact(main(p), "Holder's initials")).toHaveText('A. A.');
      await expect(fact(main(p), 'Year of birth')).toHaveText(applicant.dob.slice(0, 4));
      await expect(fact(main(p), 'Passport number ends with')).toHaveText(`…${applicant.passport.slice(-3)}`);
      for (const personal of [applicant.surname, applicant.dob, applicant.passport]) {
        await expect(main(p), `the public page does not show ${personal}`).not.toContainText(personal);
      }

      // The form: a wrong code.
      await visit(p, '/verify');
      await main(p).getByLabel(EN.verifyCode).fill('AAAA-BBBB-CCCC');
      const wrong = await submit(p, main(p).getByRole('button', { name: 'Check', exact: true }));
      expect(wrong?.status()).toBe(404);
      await checkPage(p);
      await expect(p.locator('#error-summary')).toContainText('No confirmation has this code');
      await expect(main(p).getByRole('heading', { name: 'This confirmation is genuine' })).toHaveCount(0);
      // The right one, typed loosely.
      await main(p).getByLabel(EN.verifyCode).fill(code.toLowerCase().replace(/-/g, ' '));
      await go(p, main(p).getByRole('button', { name: 'Check', exact: true }));
      await expect(main(p).getByRole('heading', { name: 'This confirmation is genuine' })).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
