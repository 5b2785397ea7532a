// The online application for temporary residence (issue 4), payment in a real browser, with
// the page checks of lib/journey.js (axe WCAG 2.2 AA, <html lang>, reflow at 375 px, one
// primary button) on every page shown:
//   - an extension in Serbian Cyrillic, start to end: linking the residence permit number
//     (EBS) first (/account/ebs), the six steps of a sole proprietor, the slip shown before
//     going on, submission; a supervisor confirms the payment on /officer/payments (a note is
//     required: the refused form and its error summary); the applicant's case page and the
//     confirmation of request receipt in the e-Mailbox, with its PDF;
//   - the payment slip prints the reference model 97 once, on the public fee page
//     (/residence/fees) and in its PDF (a regression).
// Each test registers its own applicant (register, confirm the mail, the verification officer
// approves). The import of a bank statement on the command line: application-demo.spec.js.

import { waitForMail, mailMark } from '../lib/fixtures.js';
import {
  test,
  expect,
  DEMO_PASSWORD,
  SUPERVISOR,
  activeApplicant,
  checkPage,
  go,
  newContext,
  newPerson,
  shift,
  signIn,
  submit,
  todayUtc,
  visit,
} from '../lib/journey.js';
import {
  EN,
  TEXT,
  docSection,
  fact,
  h1,
  inLang,
  main,
  openStep,
  radio,
  readSlip,
  saveAndContinue,
  saveContinue,
  startApplication,
  taskState,
  uploadOk,
} from '../lib/application.js';
import { fetchPdf, pdfToText } from '../lib/documents.js';
import { useTempDir, writePdf, writePng } from '../lib/testfiles.js';

const tmp = useTempDir(test, 'eforeigner-application-');

test('extension for a sole proprietor in Serbian Cyrillic: link the EBS, six steps, supervisor confirms the payment', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const t = TEXT['sr-Cyrl'];
  const today = todayUtc();
  const person = newPerson('Oksana', 'Melnyk', 'quiet-harbour-lantern-73');
  const turnover = writePdf(tmp('promet-6-meseci.pdf'), 'Account turnover');
  // An extension attaches the documentation of its basis again (seed 004), without a beli karton.
  const extensionFiles = [
    [/^Фотографија/, writePng(tmp('ext-photo.png'), 120, 160)],
    [/^Скенирана страница пасоша/, writePdf(tmp('ext-passport.pdf'), 'Passport')],
    [/^Доказ о средствима за издржавање/, writePdf(tmp('ext-funds.pdf'), 'Bank statement')],
    [/^Документација којом се доказује пословање предузетника/, writePdf(tmp('ext-business.pdf'), 'APR extract')],
  ];
  // A valid EBS: JMBG-style, register 66 after the date of birth, check digit mod 11.
  const ebs = (() => {
    const base = '120499066512';
    const w = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    const s = [...base].reduce((acc, c, i) => acc + Number(c) * w[i], 0);
    const k = 11 - (s % 11);
    return `${base}${k >= 10 ? 0 : k}`;
  })();

  await activeApplicant(browser, baseURL, person);

  await test.step('sign in, switch to Cyrillic once with ?lang=sr-Cyrl', async () => {
    await signIn(page, person.email, person.password);
    await visit(page, '/applications?lang=sr-Cyrl', inLang(t));
    await expect(h1(page)).toHaveText(t.appsTitle);
    // Remembered: the next page without the query is in Cyrillic too.
    await visit(page, '/applications/new', inLang(t));
    await expect(h1(page)).toHaveText(t.startTitle);
  });

  await test.step('an extension without the EBS is explained; link the EBS; start the extension', async () => {
    await startApplication(page, t.kindExtension, { t });
    await expect(page).toHaveURL(/\/applications\/new$/);
    await expect(h1(page)).toHaveText('Прво повежите број своје дозволе за боравак');
    await expect(main(page).getByRole('link', { name: t.linkEbs })).toHaveAttribute('href', '/account/ebs');
    await go(page, main(page).getByRole('link', { name: t.linkEbs }), inLang(t));
    await expect(h1(page)).toHaveText(t.ebsTitle);
    await main(page).getByLabel(t.ebsField, { exact: true }).fill(ebs);
    await go(page, main(page).getByRole('button', { name: t.ebsSubmit, exact: true }), inLang(t));
    await expect(page).toHaveURL(/\/applications\/new$/);
    await main(page).getByLabel(t.kindExtension, { exact: true }).check();
    await go(page, main(page).getByRole('button', { name: t.startSubmit, exact: true }), inLang(t));
    await expect(page).toHaveURL(/\/applications\/[^/?]+$/);
    await expect(h1(page)).toHaveText(t.tasksTitle);
    // Six steps, only the first open (its state: see the task-list test of application-drafts.spec.js).
    await expect(main(page).locator('.task-list__item')).toHaveCount(6);
    await expect(main(page).locator('.task-list a')).toHaveCount(1);
    await expect(taskState(page, t.steps[0])).toHaveCount(1);
  });

  await test.step('steps 1–4: permit expiring within the window; business details', async () => {
    await openStep(page, 1, { t });
    const m = main(page);
    await expect(m.getByLabel(t.citizenship, { exact: true })).toHaveValue('UA');
    await radio(page, t.location, t.inSerbia).check();
    await m.getByLabel(t.lastEntry, { exact: true }).fill(shift(today, { days: -200 }));
    await radio(page, t.dVisa, t.no).check();
    // The current permit ends in 45 days: inside the window for an extension.
    await m.getByLabel(t.permitExpiry, { exact: true }).fill(shift(today, { days: 45 }));
    await saveAndContinue(page, 2, { t });

    await m.getByLabel(t.birthPlace, { exact: true }).fill('Lviv, Ukrajina');
    await m.getByLabel(t.father, { exact: true }).fill('Ivan');
    await m.getByLabel(t.mother, { exact: true }).fill('Maria');
    await m.getByLabel(t.education, { exact: true }).selectOption('bachelor');
    await radio(page, t.newPassport, t.no).check();
    await m.getByLabel(t.passportIssued, { exact: true }).fill('2024-06-30');
    await saveAndContinue(page, 3, { t });

    await m.getByLabel(t.ground, { exact: true }).selectOption('employment.self_employment');
    await m.getByLabel(t.municipality).selectOption('016');
    await m.getByLabel(t.street, { exact: true }).fill('Knez Mihailova');
    await m.getByLabel(t.houseNumber, { exact: true }).fill('12');
    await saveAndContinue(page, 4, { t });

    await m.getByLabel(t.businessName).fill('Oksana Melnyk PR Prevodilačke usluge');
    await m.getByLabel(t.businessMb).fill('17162543');
    await m.getByLabel(t.businessPib).fill('101134702');
    await m.getByLabel(t.businessAddress).fill('Knez Mihailova 12, Beograd');
    await saveAndContinue(page, 5, { t });
  });

  await test.step('5–6: the turnover of the last 6 months; the slip', async () => {
    const item = docSection(page, /^Промет на пословном рачуну/);
    await expect(item).toHaveCount(1);
    await uploadOk(page, item, turnover, { t });
    await expect(docSection(page, /^Промет на пословном рачуну/).locator('.file-list')).toContainText(turnover.name);
    await expect(docSection(page, /^Потврда о пријави боравка/)).toHaveCount(0);
    for (const [name, file] of extensionFiles) {
      await uploadOk(page, docSection(page, name), file, { t });
      await expect(docSection(page, name).locator('.file-list')).toContainText(file.name);
    }
    await saveAndContinue(page, 6, { t });
    await radio(page, t.paymentMethod, t.slip).check();
    // The slip is shown before going on: the step again, with the slip and its reference.
    await go(page, saveContinue(page, t), inLang(t));
    await expect(page).toHaveURL(/\/steps\/fees\?done=slip-ready#slip$/);
    await expect(main(page).getByRole('status')).toHaveText(t.slipReady);
    await expect(h1(page)).toHaveText(t.steps[5]);
    const slip = await readSlip(page, { t });
    expect(slip.payer).toBe(person.fullName);
    expect(slip.reference).toMatch(/^97 \d{2}-016\d+$/);
    await saveAndContinue(page, 'review', { t });
  });

  let caseReference;
  await test.step('Check your answers and submit', async () => {
    await expect(main(page)).toContainText('Oksana Melnyk PR Prevodilačke usluge');
    await expect(main(page)).toContainText(turnover.name);
    await main(page).getByLabel(t.declaration).check();
    await go(page, main(page).getByRole('button', { name: t.submitRequest }), inLang(t));
    const panel = main(page).locator('.panel--confirmation');
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(t.submittedTitle);
    caseReference = (await panel.locator('.reference').textContent()).trim();
    expect(caseReference).toMatch(/^TR-\d{4}-\d{8}$/);
    await expect(main(page).locator('.status h2')).toHaveText(`${t.status}: ${t.awaitingPayment}`);
    await expect(main(page).locator('.slip')).toHaveCount(1);
  });

  await test.step('a supervisor confirms the payment on /officer/payments (a note is required)', async () => {
    const context = await newContext(browser, baseURL);
    try {
      const s = await context.newPage();
      await signIn(s, SUPERVISOR, DEMO_PASSWORD);
      await go(s, s.locator('header').getByRole('link', { name: 'Payments' }));
      await expect(h1(s)).toHaveText('Payments awaiting confirmation');
      const row = main(s).locator('table tbody tr').filter({ hasText: caseReference });
      await expect(row).toHaveCount(1);
      const confirm = row.getByRole('button', { name: `Confirm payment ${caseReference}` });

      // Without a note: refused with the reason.
      const refused = await submit(s, confirm);
      expect(refused?.status()).toBe(422);
      await checkPage(s);
      await expect(s.locator('#error-summary')).toBeVisible();
      // The message says what is missing (crates/web/locales/en.ftl, error-required-note).
      const summaryLink = s.locator('#error-summary').getByRole('link', { name: 'Write a note.', exact: true });
      const target = await summaryLink.getAttribute('href');
      expect(await s.locator(target).count(), `the error summary link ${target} leads to a field`).toBe(1);
      // ...the note of this row, marked invalid, with the message beside it.
      const refusedNote = main(s).locator('table tbody tr').filter({ hasText: caseReference }).getByLabel(new RegExp(`^What you checked \\(kept with the payment record\\) ${caseReference}$`));
      await expect(refusedNote).toHaveAttribute('aria-invalid', 'true');
      await expect(refusedNote).toHaveAccessibleDescription('Write a note.');
      await summaryLink.click();
      await expect(refusedNote).toBeFocused();

      const mark = mailMark();
      const rowAgain = main(s).locator('table tbody tr').filter({ hasText: caseReference });
      await rowAgain.getByLabel(new RegExp(`^What you checked \\(kept with the payment record\\) ${caseReference}$`)).fill('Seen on the treasury statement of ' + today);
      await go(s, rowAgain.getByRole('button', { name: `Confirm payment ${caseReference}` }));
      await expect(main(s).locator('table tbody tr').filter({ hasText: caseReference })).toHaveCount(0);
      await waitForMail({ to: person.email, subjectContains: 'A new document is in your e-Mailbox', after: mark, timeoutMs: 30_000 });
    } finally {
      await context.close();
    }
  });

  await test.step('the applicant: request submitted, the receipt in the e-Mailbox (Cyrillic pages)', async () => {
    await page.reload();
    await checkPage(page, inLang(t));
    await expect(main(page).locator('.status h2')).toHaveText(`${t.status}: ${t.statusSubmitted}`);
    await expect(main(page).locator('table.table tbody tr').filter({ hasText: t.paymentConfirmed })).toHaveCount(1);
    await go(page, page.locator('header').getByRole('link', { name: t.mailboxTitle }), inLang(t));
    await expect(h1(page)).toHaveText(t.mailboxTitle);
    const row = main(page).locator('table tbody tr').filter({ hasText: t.receipt });
    await expect(row).toHaveCount(1);
    await expect(row.locator('.tag')).toHaveText(t.unread);
    await go(page, row.getByRole('link'), inLang(t));
    await expect(h1(page)).toHaveText(t.receipt);
    await expect(fact(main(page), t.firstOpened)).toHaveText(t.notOpened);
    await go(page, main(page).getByRole('button', { name: t.openDocument, exact: true }), inLang(t));
    const pdf = await fetchPdf(page, await main(page).getByRole('link', { name: t.mailboxDownload }).getAttribute('href'));
    const flat = pdfToText(pdf).replace(/\s+/g, ' ');
    expect(flat).toContain(caseReference);
    expect(flat).toContain(person.fullName);
  });
});


// A regression of a bug found while writing these tests (fixed).
// Was (crates/eforeigner/src/web/pages/residence.rs, `slip_for`): `SlipView.reference` was set
// to `reference.written()` ("97 55-016…", the model included) while `SlipView.model` is "97"
// too, so the slip macro (`{{ s.model }} {{ s.reference }}`) shows "97 97 55-016…" and the
// slip PDF has "97" in the model box and "97 55-016…" in the reference box; before commit
// f475c51 the reference was `r.to_string()` ("55-016…"). Affects the public fee page and
// every application's slip (the QR code is right: its RO is 9755016…).
test('the payment slip prints model 97 once, on the page and in the PDF', async ({ page }) => {
  const payer = 'Ana Petrović';
  await visit(page, `/residence/fees?${new URLSearchParams({ kind: 'first', basis: 'employment.employment_contract', municipality: '016', payer })}`);
  const slip = main(page).locator('.slip');
  await expect(slip).toHaveCount(1);
  const box = slip.locator('.slip__box').filter({ hasText: /-016/ });
  await expect(box).toHaveText(/^97 \d{2}-016$/);
  const href = await main(page).getByRole('link', { name: EN.slipDownload }).getAttribute('href');
  const text = pdfToText(await fetchPdf(page, href));
  expect(text).toMatch(/\b\d{2}-016\b/);
  expect(text).not.toMatch(/97\s+97\s+\d{2}-016/);
});
