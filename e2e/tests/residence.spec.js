// The public temporary-residence tools (no login), in a real browser, with an axe WCAG 2.2 AA
// check on every page state shown (empty forms, refused forms, answers), in English and, for
// the eligibility check and the fees, after switching to Serbian Cyrillic with the header's
// language button:
//   /residence              index with links to the four tools
//   /residence/bases        the catalogue of the 31 grounds with their documents
//   /residence/eligibility  "Can I apply online?" (GET form -> answer box)
//   /residence/absences     absence calculator (rows added by a submit button)
//   /residence/fees         fee table, payment slip with an IPS QR code, PDF download
//
// The Serbian, Cyrillic and Russian texts are still being translated: the Cyrillic checks
// assert structure, <html lang> and the data the user typed, never translated wording.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, expectNoA11yViolations } from '../lib/fixtures.js';
import { makeTempDir } from '../lib/testfiles.js';

const HTML_LANG = { en: /^en$/, 'sr-Cyrl': /^sr-Cyrl$/ };

// ---------------------------------------------------------------------------------------
// helpers

/** `date` (a YYYY-MM-DD string) moved by `days` days and `years` years, as YYYY-MM-DD (UTC). */
function shift(date, { days = 0, years = 0 } = {}) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Waits for the page to settle, checks <html lang>, and runs axe (WCAG 2.2 AA). */
async function checkPage(page, lang = 'en') {
  await page.waitForLoadState('load');
  await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[lang]);
  await expect(page).toHaveTitle(/\S/);
  // legacyMode: same rules, about twice as fast (no iframes on these pages); see lib/axe.js.
  await expectNoA11yViolations(page, { legacyMode: true });
}

/** Visits `url`, checks the status code, and runs the page checks. */
async function visit(page, url, { status = 200, lang = 'en' } = {}) {
  const res = await page.goto(url);
  expect(res?.status(), `GET ${url}`).toBe(status);
  await checkPage(page, lang);
  return res;
}

/** Clicks a button that submits a form and returns the final response of the navigation. */
async function submit(page, button) {
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  return response;
}

/**
 * Switches the language with the header's button (POST /language, redirect back to the same
 * address, query included) and checks the page in that language.
 */
async function switchLanguage(page, lang, { status = 200 } = {}) {
  const before = new URL(page.url());
  const res = await submit(page, page.locator(`.lang-switch button[value="${lang}"]`));
  expect(res?.status(), `page after switching to ${lang}`).toBe(status);
  const after = new URL(page.url());
  expect(after.pathname, 'same page after the language switch').toBe(before.pathname);
  expect(after.search, 'same question after the language switch').toBe(before.search);
  await expect(page.locator(`.lang-switch button[value="${lang}"]`)).toHaveAttribute('aria-current', 'true');
  await checkPage(page, lang);
}

/** The primary submit button of the form in <main>. */
const mainSubmit = (page) => page.locator('main form button.button[type=submit]:not([name])');

/** Fills the eligibility form (radios, selects, dates); empty strings leave a field empty. */
async function fillEligibility(page, a) {
  await page.locator(`#kind-${a.kind}`).check();
  await page.locator('#basis').selectOption(a.basis);
  await page.locator(`#channel-${a.channel}`).check();
  await page.locator('#date_of_birth').fill(a.dateOfBirth);
  await page.locator('#citizenship').selectOption(a.citizenship);
  await page.locator('#passport_valid_until').fill(a.passportValidUntil);
  if (a.hasDVisa) await page.locator(`#has_d_visa-${a.hasDVisa}`).check();
  if (a.fromAbroad) await page.locator(`#applying_from_abroad-${a.fromAbroad}`).check();
}

/** After a submit, the form shows what was sent. */
async function expectEligibilityKept(page, a) {
  await expect(page.locator(`#kind-${a.kind}`)).toBeChecked();
  await expect(page.locator('#basis')).toHaveValue(a.basis);
  await expect(page.locator(`#channel-${a.channel}`)).toBeChecked();
  await expect(page.locator('#date_of_birth')).toHaveValue(a.dateOfBirth);
  await expect(page.locator('#citizenship')).toHaveValue(a.citizenship);
  await expect(page.locator('#passport_valid_until')).toHaveValue(a.passportValidUntil);
  await expect(page.locator('#submission_date')).toHaveValue(a.submissionDate);
  if (a.hasDVisa) await expect(page.locator(`#has_d_visa-${a.hasDVisa}`)).toBeChecked();
  if (a.fromAbroad) await expect(page.locator(`#applying_from_abroad-${a.fromAbroad}`)).toBeChecked();
}

/** Opens the eligibility form and returns the prefilled submission date (the server's today). */
async function openEligibility(page) {
  await visit(page, '/residence/eligibility');
  await expect(page.locator('.answer')).toHaveCount(0);
  await expect(page.locator('#error-summary')).toHaveCount(0);
  await expect(page.locator('#kind-first')).toBeChecked();
  await expect(page.locator('#channel-online')).toBeChecked();
  const today = await page.locator('#submission_date').inputValue();
  expect(today, 'submission date prefilled with today').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const utcToday = new Date().toISOString().slice(0, 10);
  expect([utcToday, shift(utcToday, { days: -1 }), shift(utcToday, { days: 1 })]).toContain(today);
  return today;
}

/** An adult asking for a first permit on an employment contract, passport valid for long. */
function employmentCase(today, overrides = {}) {
  return {
    kind: 'first',
    basis: 'employment.employment_contract',
    channel: 'online',
    dateOfBirth: '1990-04-12',
    citizenship: 'UA',
    submissionDate: today,
    passportValidUntil: shift(today, { years: 10 }),
    hasDVisa: 'no',
    fromAbroad: 'no',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------
// tests

test('the index links to the four tools, and the catalogue lists 31 grounds with documents', async ({ page }) => {
  await visit(page, '/residence');
  await expect(page.locator('h1')).toHaveText('Temporary residence: guides and tools');
  const tools = page.locator('main ul.tools h2 a');
  await expect(tools).toHaveCount(4);
  expect(await tools.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
    '/residence/eligibility',
    '/residence/bases',
    '/residence/absences',
    '/residence/fees',
  ]);
  // The header links to the index from every page.
  await expect(page.locator('header nav a[href="/residence"]')).toHaveCount(1);

  await submit(page, page.locator('main ul.tools a[href="/residence/bases"]'));
  await expect(page).toHaveURL(/\/residence\/bases$/);
  // (axe runs below, once every <details> is open: that state shows all the closed one does.)
  await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG.en);
  await expect(page.locator('h1')).toHaveText('Bases of temporary residence');
  const grounds = page.locator('main section.ground');
  await expect(grounds).toHaveCount(31);
  // Each ground: a heading naming it, the summary, and a closed <details> of documents.
  await expect(grounds.locator('h2')).toHaveCount(31);
  await expect(grounds.locator('dl.summary')).toHaveCount(31);
  await expect(grounds.locator('details')).toHaveCount(31);
  await expect(grounds.first().locator('h2')).toContainText('Employment contract', { ignoreCase: true });
  const firstDetails = grounds.first().locator('details');
  await expect(firstDetails.locator('ul li').first()).toBeHidden();
  await firstDetails.locator('summary').click();
  await expect(firstDetails).toHaveAttribute('open', '');
  await expect(firstDetails.locator('ul li').first()).toBeVisible();
  // Every ground lists documents, or says that the general list applies.
  const counts = await grounds.evaluateAll((ss) =>
    ss.map((s) => s.querySelectorAll('details ul li').length + s.querySelectorAll('details p').length),
  );
  expect(counts.every((n) => n > 0), `documents per ground: ${counts.join(', ')}`).toBe(true);
  // axe again with every <details> open, so the document lists are checked too.
  await page.locator('main details').evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
  await checkPage(page);
});

test('eligibility: an adult on an employment contract may apply online (English, then Cyrillic)', async ({ page }) => {
  const today = await openEligibility(page);
  const a = employmentCase(today);
  await fillEligibility(page, a);
  const res = await submit(page, mainSubmit(page));
  expect(res?.status(), 'answered question').toBe(200);
  // A GET form: the question is in the address, so the answer can be bookmarked.
  const url = new URL(page.url());
  expect(url.pathname).toBe('/residence/eligibility');
  expect(url.searchParams.get('basis')).toBe(a.basis);
  expect(url.searchParams.get('passport_valid_until')).toBe(a.passportValidUntil);

  const answer = page.locator('main .answer');
  await expect(answer).toHaveCount(1);
  await expect(answer).toHaveClass(/\banswer--yes\b/);
  await expect(answer).toHaveAttribute('role', 'status');
  await expect(answer.locator('h2')).toHaveText('Yes, you can apply online.');
  await expect(answer.locator('dl.summary')).toContainText('Single permit');
  await expect(answer.locator('dl.summary')).toContainText(today); // valid from the submission date
  // Informational reasons (beli karton, end of the contract not given), each with its source.
  const reasons = answer.locator('.reasons li');
  expect(await reasons.count()).toBeGreaterThan(0);
  await expect(reasons.filter({ hasText: 'beli karton' })).toHaveCount(1);
  await expect(reasons.first().locator('.source')).toContainText('Source');
  // Documents to prepare.
  await expect(answer.getByRole('heading', { level: 3, name: 'Documents to prepare' })).toBeVisible();
  expect(await answer.locator('h3:has-text("Documents to prepare") + ul li').count()).toBeGreaterThan(0);
  await expect(page.locator('#error-summary')).toHaveCount(0);
  await expectEligibilityKept(page, a);
  await checkPage(page);

  // The same answer in Serbian Cyrillic.
  await switchLanguage(page, 'sr-Cyrl');
  await expect(page.locator('main .answer')).toHaveClass(/\banswer--yes\b/);
  expect(await page.locator('main .answer .reasons li').count()).toBe(await reasons.count());
  await expectEligibilityKept(page, a);
});

test('eligibility: a single-permit basis in person is refused, with the reason', async ({ page }) => {
  const today = await openEligibility(page);
  const a = employmentCase(today, { channel: 'in_person' });
  await fillEligibility(page, a);
  const res = await submit(page, mainSubmit(page));
  expect(res?.status(), 'answered question').toBe(200);
  const answer = page.locator('main .answer');
  await expect(answer).toHaveClass(/\banswer--no\b/);
  await expect(answer.locator('h2')).toHaveText('Not as asked. See why below.');
  const reason = answer.locator('.reasons li').filter({ hasText: 'single permit' });
  await expect(reason).toHaveCount(1);
  await expect(reason).toContainText('online only');
  await expect(reason.locator('.source')).not.toBeEmpty();
  await expectEligibilityKept(page, a);
  await checkPage(page);

  // The same question online is allowed.
  await page.locator('#channel-online').check();
  await submit(page, mainSubmit(page));
  await expect(page.locator('main .answer')).toHaveClass(/\banswer--yes\b/);
  await checkPage(page);
});

test('eligibility: a missing passport date is refused with an error summary, values kept', async ({ page }) => {
  const today = await openEligibility(page);
  const a = employmentCase(today, { basis: 'education.studying', citizenship: 'KZ', passportValidUntil: '', hasDVisa: 'yes' });
  await fillEligibility(page, a);
  const res = await submit(page, mainSubmit(page));
  expect(res?.status(), 'refused question').toBe(422);
  await expect(page.locator('main .answer')).toHaveCount(0);

  const summary = page.locator('#error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('There is a problem');
  await expect(summary.getByRole('link')).toHaveCount(1);
  const link = summary.getByRole('link', { name: 'This field is required.' });
  await expect(link).toHaveAttribute('href', '#passport_valid_until');
  await expect(page.locator('#passport_valid_until-error')).toHaveText('This field is required.');
  const field = page.locator('#passport_valid_until');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', /\bpassport_valid_until-error\b/);
  await expectEligibilityKept(page, a);
  await checkPage(page);

  // The summary link takes the user to the field.
  await link.click();
  await expect(field).toBeFocused();

  // The refused form in Serbian Cyrillic: the same errors, the same values.
  await switchLanguage(page, 'sr-Cyrl', { status: 422 });
  await expect(page.locator('#error-summary a[href="#passport_valid_until"]')).toHaveCount(1);
  await expect(page.locator('#passport_valid_until-error')).toBeVisible();
  await expect(page.locator('#passport_valid_until')).toHaveAttribute('aria-invalid', 'true');
  await expectEligibilityKept(page, a);

  // Fixed: KZ with a D visa, studying, passport long valid -> allowed, in Cyrillic.
  a.passportValidUntil = shift(today, { years: 8 });
  await page.locator('#passport_valid_until').fill(a.passportValidUntil);
  const fixed = await submit(page, mainSubmit(page));
  expect(fixed?.status()).toBe(200);
  await expect(page.locator('#error-summary')).toHaveCount(0);
  await expect(page.locator('main .answer')).toHaveClass(/\banswer--yes\b/);
  await expectEligibilityKept(page, a);
  await checkPage(page, 'sr-Cyrl');
});

test('absences: add a trip row, then one absence over 180 days is over the limit', async ({ page }) => {
  await visit(page, '/residence/absences');
  const today = await page.locator('#application_date').inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.locator('main fieldset.trip')).toHaveCount(3);
  await expect(page.locator('main .answer')).toHaveCount(0);

  // Trip 1: 209 days between the dates -> 208 days away (both end days count as in Serbia).
  const trip1 = { departed: shift(today, { days: -400 }), returned: shift(today, { days: -191 }) };
  // Trip 2: 10 days between the dates -> 9 days away.
  const trip2 = { departed: shift(today, { days: -100 }), returned: shift(today, { days: -90 }) };
  await page.locator('#departed_0').fill(trip1.departed);
  await page.locator('#returned_0').fill(trip1.returned);

  const added = await submit(page, page.locator('button[name=add_trip]'));
  expect(added?.status()).toBe(200);
  await expect(page.locator('main fieldset.trip')).toHaveCount(4);
  await expect(page.locator('#departed_3')).toHaveValue('');
  await expect(page.locator('#departed_0')).toHaveValue(trip1.departed);
  await expect(page.locator('#returned_0')).toHaveValue(trip1.returned);
  await expect(page.locator('#application_date')).toHaveValue(today);
  await expect(page.locator('main .answer')).toHaveCount(0); // adding a row is not calculating
  await expect(page.locator('#error-summary')).toHaveCount(0);
  await checkPage(page);

  await page.locator('#departed_1').fill(trip2.departed);
  await page.locator('#returned_1').fill(trip2.returned);
  const calculated = await submit(page, page.locator('main form button.button:not([name])'));
  expect(calculated?.status()).toBe(200);
  await expect(page.locator('#error-summary')).toHaveCount(0);
  const answer = page.locator('main .answer');
  await expect(answer).toHaveClass(/\banswer--no\b/);
  await expect(answer.locator('h2')).toHaveText('Your absences are over the limits.');
  const rows = answer.locator('dl.summary .summary__row');
  await expect(rows.filter({ hasText: 'Days away in total' }).locator('dd')).toHaveText('217 days');
  await expect(rows.filter({ hasText: 'Longest absence' }).locator('dd')).toHaveText('208 days');
  const reason = answer.locator('.reasons li').filter({ hasText: '180' });
  await expect(reason).toHaveCount(1);
  await expect(reason).toContainText('208 days');
  // The rows and the dates typed are still there.
  await expect(page.locator('main fieldset.trip')).toHaveCount(4);
  await expect(page.locator('#departed_1')).toHaveValue(trip2.departed);
  await expect(page.locator('#returned_1')).toHaveValue(trip2.returned);
  await checkPage(page);

  // The counting rule, in a <details> the user can open.
  const how = page.locator('main details').filter({ has: page.locator('summary', { hasText: 'How days are counted' }) });
  await expect(how).toHaveCount(1);
  await expect(how.locator('p')).toBeHidden();
  await how.locator('summary').click();
  await expect(how.locator('p')).toBeVisible();
  await expect(how.locator('p')).toContainText('180 days at a time');
  await checkPage(page);
});

test('absences: a trip with only a departure date is refused at its own row', async ({ page }) => {
  await visit(page, '/residence/absences');
  const today = await page.locator('#application_date').inputValue();
  // Row 1 filled, row 0 left empty: the error belongs to row 1 (the second trip fieldset).
  const departed = shift(today, { days: -50 });
  await page.locator('#departed_1').fill(departed);
  const res = await submit(page, page.locator('main form button.button:not([name])'));
  expect(res?.status(), 'refused calculation').toBe(422);
  await expect(page.locator('main .answer')).toHaveCount(0);
  const summary = page.locator('#error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link')).toHaveCount(1);
  // The page is static once loaded: read the values instead of waiting for them to change.
  expect(await summary.getByRole('link', { name: 'This field is required.' }).getAttribute('href'), 'error summary link').toBe('#returned_1');
  await expect(page.locator('#returned_1-error')).toHaveText('This field is required.');
  await expect(page.locator('#returned_1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#returned_0')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#departed_1')).toHaveValue(departed);
  await expect(page.locator('#departed_0')).toHaveValue('');
  await checkPage(page);
});

test('fees: fee table and payment slip for a Cyrillic payer, with PDF and a scannable QR code', async ({ page, baseURL }) => {
  const payer = 'Ана Петровић';
  await visit(page, '/residence/fees');
  await expect(page.locator('#kind-first')).toBeChecked();
  await expect(page.locator('main table')).toHaveCount(0);
  await expect(page.locator('.slip')).toHaveCount(0);

  // A wrong municipality code first: refused, values kept.
  await page.locator('#basis').selectOption('employment.employment_contract');
  await page.locator('#municipality').fill('16');
  await page.locator('#payer').fill(payer);
  const refused = await submit(page, mainSubmit(page));
  expect(refused?.status(), 'refused fee question').toBe(422);
  await expect(page.locator('#error-summary a[href="#municipality"]')).toHaveCount(1);
  await expect(page.locator('#municipality-error')).toBeVisible();
  await expect(page.locator('#municipality')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#municipality')).toHaveValue('16');
  await expect(page.locator('#payer')).toHaveValue(payer);
  await expect(page.locator('#basis')).toHaveValue('employment.employment_contract');
  await expect(page.locator('.slip')).toHaveCount(0);
  await checkPage(page);

  await page.locator('#municipality').fill('016');
  const res = await submit(page, mainSubmit(page));
  expect(res?.status()).toBe(200);
  await expect(page.locator('#error-summary')).toHaveCount(0);

  // The fee table: the residence fee and the application fee with the request, and the
  // biometrics fees later.
  const table = page.locator('main table.table');
  await expect(table).toHaveCount(1);
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  await expect(table.locator('tbody')).toContainText('21830');
  await expect(table.locator('tbody')).toContainText('840-742221843-57');
  await expect(page.locator('main')).toContainText('Due with the request: 22230');

  // The slip.
  const slip = page.locator('main .slip');
  await expect(slip).toHaveCount(1);
  await expect(slip.locator('.slip__box').first()).toHaveText(payer);
  await expect(slip).toContainText('Republička administrativna taksa');
  await expect(slip).toContainText('22.230,00');
  await expect(slip).toContainText(/97 50-?016/);
  const qr = slip.locator('img.slip__qr');
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await expect(qr).toHaveAttribute('alt', /\S/);
  expect(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'QR image loaded').toBe(true);
  const download = page.getByRole('link', { name: 'Download the slip (PDF)' });
  await expect(download).toHaveAttribute('href', /^\/residence\/fees\/slip\.pdf\?/);
  await checkPage(page);

  const dir = makeTempDir('eforeigner-slip-');
  try {
    // The PDF: fonts embedded, so pdftotext gets the Cyrillic payer and the Latin diacritics back.
    const href = await download.getAttribute('href');
    const pdfRes = await page.request.get(new URL(href, baseURL).href);
    expect(pdfRes.status(), `GET ${href}`).toBe(200);
    expect(pdfRes.headers()['content-type']).toContain('application/pdf');
    const pdf = await pdfRes.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfText = execFileSync('pdftotext', ['-', '-'], { input: pdf, timeout: 15_000, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');
    expect(pdfText).toContain(payer);
    expect(pdfText).toContain('Republička administrativna taksa');

    // The QR code as the browser shows it, decoded by zbar. `-Sbinary` gives the raw bytes,
    // decoded here as UTF-8 (zbar's own charset guess is not needed).
    const png = path.join(dir, 'qr.png');
    await qr.screenshot({ path: png });
    const decoded = execFileSync('zbarimg', ['--raw', '-q', '-Sbinary', png], { timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe'] })
      .toString('utf8')
      .trim();
    expect(decoded.startsWith('K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD22230,00'), decoded).toBe(true);
    expect(decoded).toContain('|RO:9750016');
    expect(decoded).toContain(`|P:${payer}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // The same slip in Serbian Cyrillic.
  await switchLanguage(page, 'sr-Cyrl');
  await expect(page.locator('main table.table')).toHaveCount(1);
  await expect(page.locator('main .slip .slip__box').first()).toHaveText(payer);
  await expect(page.locator('main .slip img.slip__qr')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await expect(page.locator('main a[href^="/residence/fees/slip.pdf"]')).toHaveAttribute('href', /[?&]lang=sr-Cyrl\b/);
  await expect(page.locator('#payer')).toHaveValue(payer);
  await expect(page.locator('#municipality')).toHaveValue('016');
});
