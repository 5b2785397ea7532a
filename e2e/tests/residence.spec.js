// The public temporary-residence tools (no login), in a real browser, with an axe WCAG 2.2 AA
// check on every page state shown (empty forms, each question, refused forms, answers), in
// English and, for a question of the eligibility check and for the fees, after switching to
// Serbian Cyrillic with the header's language button:
//   /residence              index with links to the four tools
//   /residence/bases        the catalogue of the 31 grounds with their documents (first request, extension)
//   /residence/eligibility  "Can I apply online?": four questions, one GET form each ("Question N
//                           of 4", Continue, Back; the earlier answers travel as hidden inputs),
//                           then the answer box with "Your answers" and a Change link per answer
//   /residence/absences     absence calculator (rows added by a submit button)
//   /residence/fees         fee table, payment slip with an IPS QR code, PDF download
//
// The Serbian, Cyrillic and Russian texts are still being translated: the Cyrillic checks
// assert structure, <html lang> and the data the user typed, never translated wording.

import fs from 'node:fs';
import { test, expect } from '../lib/fixtures.js';
import { checkPage, shift, submit, visit } from '../lib/journey.js';
import { decodeQr, fetchPdf, pdfToText } from '../lib/documents.js';
import { makeTempDir } from '../lib/testfiles.js';

const HTML_LANG = { en: /^en$/, 'sr-Cyrl': /^sr-Cyrl$/ };

// ---------------------------------------------------------------------------------------
// helpers

/**
 * Switches the language with the header's button (POST /language, redirect back to the same
 * address, query included) and checks the page in that language.
 */
async function switchLanguage(page, lang, { status = 200 } = {}) {
  const before = new URL(page.url());
  // The language form posts to /language and names this page, query included, as the way back.
  await expect(page.locator('.lang-switch')).toHaveAttribute('method', 'post');
  await expect(page.locator('.lang-switch')).toHaveAttribute('action', '/language');
  expect(await page.locator('.lang-switch input[name=next]').inputValue(), 'the language form returns to this address').toBe(before.pathname + before.search);
  const res = await submit(page, page.locator(`.lang-switch button[value="${lang}"]`));
  expect(res?.status(), `page after switching to ${lang}`).toBe(status);
  const after = new URL(page.url());
  expect(after.pathname, 'same page after the language switch').toBe(before.pathname);
  expect(after.search, 'same question after the language switch').toBe(before.search);
  await expect(page.locator(`.lang-switch button[value="${lang}"]`)).toHaveAttribute('aria-current', 'true');
  await checkPage(page, { htmlLang: HTML_LANG[lang] });
}

/**
 * The primary submit button of the form in <main>: the one without a name (not a named
 * button such as "Add another trip"; lib/journey.js's `mainSubmit` takes any).
 */
const primarySubmit = (page) => page.locator('main form button.button[type=submit]:not([name])');

// --- the eligibility check: four questions, one step at a time -------------------------

/** The fields of each question (step), as the server names them. */
const STEP_FIELDS = [
  ['kind', 'channel'],
  ['basis'],
  ['date_of_birth', 'citizenship', 'has_d_visa', 'd_visa_basis', 'applying_from_abroad'],
  ['submission_date', 'passport_valid_until', 'current_permit_valid_until', 'basis_valid_until', 'requested_until'],
];
const STEPS = STEP_FIELDS.length;

/** The step (1-based) that asks `field`. */
const stepOf = (field) => STEP_FIELDS.findIndex((fs) => fs.includes(field)) + 1;

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

/** The answers under the server's names, empty ones left out (as the server carries them). */
function answerParams(a) {
  const all = {
    kind: a.kind,
    channel: a.channel,
    basis: a.basis,
    date_of_birth: a.dateOfBirth,
    citizenship: a.citizenship,
    has_d_visa: a.hasDVisa,
    applying_from_abroad: a.fromAbroad,
    submission_date: a.submissionDate,
    passport_valid_until: a.passportValidUntil,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v));
}

/** The answers given once questions 1..`upTo` are answered (the submission date is prefilled from the start). */
function answersUpTo(a, upTo) {
  const names = new Set(['submission_date', ...STEP_FIELDS.slice(0, upTo).flat()]);
  return Object.fromEntries(Object.entries(answerParams(a)).filter(([k]) => names.has(k)));
}

/** The step form's hidden inputs: `step` and every answer of the other questions, nothing else. */
async function expectHiddenAnswers(page, n, answers) {
  const own = STEP_FIELDS[n - 1];
  const expected = [['step', String(n)], ...Object.entries(answers).filter(([k]) => !own.includes(k))];
  let hidden = await page
    .locator('main form input[type=hidden]')
    .evaluateAll((inputs) => inputs.map((i) => [i.name, i.value]));
  // `return=1` marks a question reached through a "Change" link (checked where it matters).
  hidden = hidden.filter(([name]) => name !== 'return');
  const sort = (pairs) => [...pairs].sort(([a], [b]) => a.localeCompare(b));
  expect(sort(hidden), `hidden answers on question ${n}`).toEqual(sort(expected));
}

/**
 * Question `n` is shown: "Question n of 4", only that question's fields, the answers of the
 * other questions as hidden inputs, a Back link from question 2 on, the right button; then
 * the page checks (axe included).
 */
async function expectStep(page, n, answers, { lang = 'en' } = {}) {
  const main = page.locator('main');
  await expect(main.locator('.answer')).toHaveCount(0);
  const count = main.locator('.step-count');
  if (lang === 'en') {
    await expect(count).toHaveText(`Question ${n} of ${STEPS}`);
    await expect(main.locator('h1')).toHaveText('Can I apply online?');
  } else {
    await expect(count).toHaveText(new RegExp(`\\b${n}\\D+${STEPS}\\b`));
  }
  for (const field of STEP_FIELDS.flat()) {
    await expect(main.locator(`#${field}`), `field ${field} on question ${n}`).toHaveCount(STEP_FIELDS[n - 1].includes(field) ? 1 : 0);
  }
  await expectHiddenAnswers(page, n, answers);
  const back = main.locator('a.back-link');
  if (n === 1) {
    await expect(back).toHaveCount(0);
  } else {
    await expect(back).toHaveCount(1);
    if (lang === 'en') await expect(back).toHaveText('Back');
  }
  const button = primarySubmit(page);
  await expect(button).toHaveCount(1);
  if (lang === 'en') await expect(button).toHaveText(n === STEPS ? 'Check' : 'Continue');
  await checkPage(page, { htmlLang: HTML_LANG[lang] });
}

/** Answers question `n` with the answers of `a` (empty strings leave a field empty). */
async function answerStep(page, n, a) {
  switch (n) {
    case 1:
      await page.locator(`#kind-${a.kind}`).check();
      await page.locator(`#channel-${a.channel}`).check();
      break;
    case 2:
      await page.locator('#basis').selectOption(a.basis);
      // What the answer page will show for it (this step is always answered in English here).
      a.basisText = await chosenText(page, '#basis');
      break;
    case 3:
      await page.locator('#date_of_birth').fill(a.dateOfBirth);
      await page.locator('#citizenship').selectOption(a.citizenship);
      if (a.hasDVisa) await page.locator(`#has_d_visa-${a.hasDVisa}`).check();
      if (a.fromAbroad) await page.locator(`#applying_from_abroad-${a.fromAbroad}`).check();
      break;
    case 4:
      await page.locator('#submission_date').fill(a.submissionDate);
      await page.locator('#passport_valid_until').fill(a.passportValidUntil);
      break;
    default:
      throw new Error(`no question ${n}`);
  }
}

/** Question `n` shows the answers of `a` (after a Back or Change link, or a refused step). */
async function expectStepKept(page, n, a, expectFn = expect) {
  switch (n) {
    case 1:
      await expectFn(page.locator(`#kind-${a.kind}`)).toBeChecked();
      await expectFn(page.locator(`#channel-${a.channel}`)).toBeChecked();
      break;
    case 2:
      await expectFn(page.locator('#basis')).toHaveValue(a.basis);
      break;
    case 3:
      await expectFn(page.locator('#date_of_birth')).toHaveValue(a.dateOfBirth);
      await expectFn(page.locator('#citizenship')).toHaveValue(a.citizenship);
      if (a.hasDVisa) await expectFn(page.locator(`#has_d_visa-${a.hasDVisa}`)).toBeChecked();
      if (a.fromAbroad) await expectFn(page.locator(`#applying_from_abroad-${a.fromAbroad}`)).toBeChecked();
      break;
    case 4:
      await expectFn(page.locator('#submission_date')).toHaveValue(a.submissionDate);
      await expectFn(page.locator('#passport_valid_until')).toHaveValue(a.passportValidUntil);
      break;
    default:
      throw new Error(`no question ${n}`);
  }
}

/** Presses Continue (or Check) and checks the status; returns the response. */
async function continueStep(page, status = 200) {
  const res = await submit(page, primarySubmit(page));
  expect(res?.status(), `status after answering ${new URL(page.url()).searchParams.get('step') ?? 'a question'}`).toBe(status);
  return res;
}

/** Opens the check at question 1 and returns the prefilled submission date (the server's today). */
async function openEligibility(page) {
  await visit(page, '/residence/eligibility');
  await expect(page.locator('#error-summary')).toHaveCount(0);
  await expect(page.locator('main .lead')).toHaveCount(1);
  await expect(page.locator('#kind-first')).toBeChecked();
  await expect(page.locator('#channel-online')).toBeChecked();
  // The submission date (question 4) is prefilled with today and carried from the start.
  const today = await page.locator('main form input[type=hidden][name=submission_date]').inputValue();
  expect(today, 'submission date prefilled with today').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const utcToday = new Date().toISOString().slice(0, 10);
  expect([utcToday, shift(utcToday, { days: -1 }), shift(utcToday, { days: 1 })]).toContain(today);
  await expectStep(page, 1, { submission_date: today });
  return today;
}

/**
 * Walks from question `from` (already shown) through question `to` - 1 with the answers of `a`,
 * checking each question page, and ends on question `to` (checked too), or on the answer
 * when `to` is past the last question.
 */
async function walk(page, a, { from = 1, to = STEPS + 1 } = {}) {
  for (let n = from; n < to; n++) {
    await answerStep(page, n, a);
    await continueStep(page);
    if (n + 1 <= STEPS) await expectStep(page, n + 1, answersUpTo(a, n));
  }
}

/** The "Your answers" list of the answer page: one row per answer given, each with a Change link. */
function answerRows(page) {
  return page.locator('main h2:has-text("Your answers") + dl.summary .summary__row');
}

/**
 * The answer page: no question form, "Your answers" lists every answer given with the text
 * the user chose, and each Change link carries every answer (answers kept).
 */
async function expectAnswerPage(page, a, shown = {}) {
  await expect(page.locator('main .step-count')).toHaveCount(0);
  await expect(page.locator('main form')).toHaveCount(0);
  await expect(page.locator('#error-summary')).toHaveCount(0);
  const answers = answerParams(a);
  const rows = answerRows(page);
  await expect(rows).toHaveCount(Object.keys(answers).length);
  const dts = await rows.locator('dt').allTextContents();
  expect(dts).toEqual(Object.keys(answers).map((k) => LABELS[k]));
  // The answer as the user chose it (option texts, "Yes"/"No"), dates as typed.
  for (const [k, v] of Object.entries(answers)) {
    const dd = rows.filter({ has: page.locator('dt', { hasText: LABELS[k] }) }).locator('dd');
    const text = shown[k] ?? SHOWN[k]?.[v] ?? (k === 'basis' ? a.basisText : v);
    if (text) await expect(dd, `answer shown for ${k}`).toContainText(text);
    else await expect(dd, `answer shown for ${k}: an option text, not the code`).not.toContainText(v);
  }
  for (const [k, v] of Object.entries(answers)) {
    const link = rows.getByRole('link', { name: `Change ${LABELS[k]}`, exact: true });
    await expect(link, `Change link for ${k}`).toHaveCount(1);
    const href = new URL(await link.getAttribute('href'), 'http://x');
    expect(href.pathname).toBe('/residence/eligibility');
    expect(href.searchParams.get(k), `Change link for ${k} keeps the answer`).toBe(v);
    for (const [k2, v2] of Object.entries(answers)) expect(href.searchParams.get(k2), `Change link for ${k} keeps ${k2}`).toBe(v2);
  }
  await expect(page.getByRole('link', { name: 'Start again' })).toHaveAttribute('href', '/residence/eligibility');
}

/** The English texts the answer list shows for coded answers. */
const SHOWN = {
  kind: { first: 'First request', extension: 'Extension of my permit' },
  channel: { online: 'Online, on this portal', in_person: 'In person, at the police department' },
  citizenship: { UA: 'Ukraine', KZ: 'Kazakhstan', IN: 'India' },
  has_d_visa: { yes: 'Yes', no: 'No' },
  applying_from_abroad: { yes: 'Yes', no: 'No' },
};

/** The English labels of the questions (the answer list and the Change links name them). */
const LABELS = {
  kind: 'What do you want to apply for?',
  channel: 'How do you want to apply?',
  basis: 'Basis and closer reason',
  date_of_birth: 'Date of birth',
  citizenship: 'Citizenship',
  has_d_visa: 'Do you hold a long-stay visa D?',
  applying_from_abroad: 'Are you applying from abroad?',
  submission_date: 'Date of submission',
  passport_valid_until: 'Passport valid until',
};

/** The text of the option chosen in a select (what the answer page shows). */
async function chosenText(page, selector) {
  return ((await page.locator(`${selector} option:checked`).textContent()) || '').trim();
}

/** The step the page shows (the hidden `step` input of the question form), or 0 without a form. */
async function shownStep(page) {
  const step = page.locator('main form input[type=hidden][name=step]');
  return (await step.count()) ? Number(await step.inputValue()) : 0;
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
  // Each ground: a heading naming it, the summary, and two closed <details> of documents:
  // for a first request, then for an extension.
  await expect(grounds.locator('h2')).toHaveCount(31);
  await expect(grounds.locator('dl.summary')).toHaveCount(31);
  await expect(grounds.locator('details')).toHaveCount(62);
  const summaries = await grounds.evaluateAll((ss) => ss.map((s) => [...s.querySelectorAll('details > summary')].map((x) => x.textContent.trim())));
  for (const [i, pair] of summaries.entries()) {
    expect(pair, `the <details> of ground ${i + 1}`).toEqual(['Documents to attach', 'Documents to attach to an extension']);
  }
  await expect(grounds.first().locator('h2')).toContainText('Employment contract', { ignoreCase: true });
  for (const details of [grounds.first().locator('details').first(), grounds.first().locator('details').nth(1)]) {
    await expect(details.locator('ul li').first()).toBeHidden();
    await details.locator('summary').click();
    await expect(details).toHaveAttribute('open', '');
    await expect(details.locator('ul li').first()).toBeVisible();
  }
  // Every ground lists documents for a first request and for an extension, or says that the
  // general list applies.
  const counts = await grounds.evaluateAll((ss) =>
    ss.map((s) => [...s.querySelectorAll('details')].map((d) => d.querySelectorAll('ul li').length + d.querySelectorAll('p').length)),
  );
  expect(counts.every(([first, extension]) => first > 0 && extension > 0), `documents per ground (first, extension): ${JSON.stringify(counts)}`).toBe(true);
  // axe again with every <details> open, so the document lists are checked too.
  await page.locator('main details').evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
  await checkPage(page);
});

test('eligibility: four questions one at a time lead to "yes, online"; a question survives the switch to Cyrillic', async ({ page }) => {
  const today = await openEligibility(page);
  const a = employmentCase(today);

  // Question 1 -> 2. A GET form: the answers so far are in the address.
  await answerStep(page, 1, a);
  await continueStep(page);
  const url2 = new URL(page.url());
  expect(url2.pathname).toBe('/residence/eligibility');
  expect(Object.fromEntries(url2.searchParams)).toEqual({ step: '1', kind: 'first', channel: 'online', submission_date: today });
  await expectStep(page, 2, answersUpTo(a, 1));
  await expect(page.locator('#basis')).toHaveValue('');

  // Question 2 -> 3.
  await answerStep(page, 2, a);
  expect(a.basisText).toContain('Employment');
  await continueStep(page);
  await expectStep(page, 3, answersUpTo(a, 2));

  // Question 3 in Serbian Cyrillic: the language form returns to this very address (path and
  // query), so the same question comes back with the same answers carried.
  await switchLanguage(page, 'sr-Cyrl');
  await expectStep(page, 3, answersUpTo(a, 2), { lang: 'sr-Cyrl' });
  await answerStep(page, 3, a);
  await continueStep(page);
  await expectStep(page, 4, answersUpTo(a, 3), { lang: 'sr-Cyrl' });

  // And back to English on question 4.
  await switchLanguage(page, 'en');
  await expectStep(page, 4, answersUpTo(a, 3));
  await expect(page.locator('#submission_date'), 'submission date prefilled with today').toHaveValue(today);
  await answerStep(page, 4, a);
  await continueStep(page);

  // The answer, bookmarkable: every answer is in the address.
  const url = new URL(page.url());
  expect(url.pathname).toBe('/residence/eligibility');
  expect(url.searchParams.get('step')).toBe('4');
  for (const [k, v] of Object.entries(answerParams(a))) expect(url.searchParams.get(k), k).toBe(v);

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
  // Your answers, each with a Change link.
  await expectAnswerPage(page, a);
  await checkPage(page);

  // A link with every answer and no step shows the same answer at once.
  await visit(page, `/residence/eligibility?${new URLSearchParams(answerParams(a))}`);
  await expect(page.locator('main .answer')).toHaveClass(/\banswer--yes\b/);
  await expect(page.locator('main .answer h2')).toHaveText('Yes, you can apply online.');
  await expect(page.locator('main .answer .reasons li')).toHaveCount(await reasons.count());
  await expect(answerRows(page)).toHaveCount(Object.keys(answerParams(a)).length);
});

test('eligibility: a single-permit basis in person is refused; changing the channel gives "yes"', async ({ page }) => {
  const today = await openEligibility(page);
  const a = employmentCase(today, { channel: 'in_person' });
  await answerStep(page, 1, a);
  await continueStep(page);
  await expectStep(page, 2, answersUpTo(a, 1));

  // Question 2 without an answer is shown again with the problem.
  await continueStep(page, 422);
  await expectStep(page, 2, answersUpTo(a, 1));
  await expect(page.locator('#error-summary a[href="#basis"]')).toHaveCount(1);
  await expect(page.locator('#basis-error')).toBeVisible();
  await expect(page.locator('#basis')).toHaveAttribute('aria-invalid', 'true');

  await walk(page, a, { from: 2 });
  const answer = page.locator('main .answer');
  await expect(answer).toHaveClass(/\banswer--no\b/);
  await expect(answer.locator('h2')).toHaveText('Not as asked. See why below.');
  const reason = answer.locator('.reasons li').filter({ hasText: 'single permit' });
  await expect(reason).toHaveCount(1);
  await expect(reason).toContainText('online only');
  await expect(reason.locator('.source')).not.toBeEmpty();
  await expectAnswerPage(page, a);
  await checkPage(page);

  // "Change" the channel: question 1 again, every answer kept.
  await submit(page, page.getByRole('link', { name: `Change ${LABELS.channel}`, exact: true }));
  await expectStep(page, 1, answerParams(a));
  await expectStepKept(page, 1, a);
  // The question reached through "Change" carries return=1, so answering it goes straight
  // back to the answer (every other answer is still there).
  await expect(page.locator('main form input[type=hidden][name=return]')).toHaveValue('1');
  a.channel = 'online';
  await answerStep(page, 1, a);
  await continueStep(page);
  await expect(page.locator('main .answer')).toHaveClass(/\banswer--yes\b/);
  await expect(page.locator('main .answer .reasons li').filter({ hasText: 'single permit' })).toHaveCount(0);
  await expectAnswerPage(page, a);
  await checkPage(page);
});

test('eligibility: an empty passport date on question 4 is refused with an error summary, answers kept', async ({ page }) => {
  const today = await openEligibility(page);
  const a = employmentCase(today, { basis: 'education.studying', citizenship: 'KZ', passportValidUntil: '', hasDVisa: 'yes' });
  await walk(page, a, { to: 4 });
  await answerStep(page, 4, a);
  await continueStep(page, 422);

  await expectStep(page, 4, answersUpTo(a, 3));
  const summary = page.locator('#error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('There is a problem');
  await expect(summary.getByRole('link')).toHaveCount(1);
  // The message names the question (crates/web/src/error.rs, field_error_message).
  const message = 'Fill in “Passport valid until”.';
  const link = summary.getByRole('link', { name: message, exact: true });
  await expect(link).toHaveAttribute('href', '#passport_valid_until');
  await expect(page.locator('#passport_valid_until-error')).toHaveText(message);
  const field = page.locator('#passport_valid_until');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', /\bpassport_valid_until-error\b/);
  await expectStepKept(page, 4, a);

  // The summary link takes the user to the field.
  await link.click();
  await expect(field).toBeFocused();

  // Fixed: KZ with a D visa, studying, passport long valid -> allowed.
  a.passportValidUntil = shift(today, { years: 8 });
  await field.fill(a.passportValidUntil);
  await continueStep(page);
  await expect(page.locator('main .answer')).toHaveClass(/\banswer--yes\b/);
  await expectAnswerPage(page, a);
  await checkPage(page);
});

test('eligibility: the Back link shows the previous question with its answers', async ({ page }) => {
  const today = await openEligibility(page);
  const a = employmentCase(today, { citizenship: 'IN', hasDVisa: 'yes', fromAbroad: 'no' });

  // Back from question 2: question 1, answers kept.
  await walk(page, a, { to: 2 });
  await submit(page, page.locator('main a.back-link'));
  expect(await shownStep(page), 'Back from question 2 shows question 1').toBe(1);
  await expectStep(page, 1, answersUpTo(a, 1));
  await expectStepKept(page, 1, a);

  // Back from question 3 and from question 4 (checked softly, so that both are reported).
  for (const from of [3, 4]) {
    await walk(page, a, { to: from });
    await submit(page, page.locator('main a.back-link'));
    const shown = await shownStep(page);
    const backHref = new URL(page.url()).search;
    expect.soft(shown, `Back from question ${from} should show question ${from - 1} (went to ${backHref})`).toBe(from - 1);
    await checkPage(page);
    if (shown === from - 1) {
      await expectStep(page, from - 1, answersUpTo(a, from - 1));
      await expectStepKept(page, from - 1, a);
    }
    // From question 1 again, to reach the next Back link the same way.
    if (from < 4) await visit(page, '/residence/eligibility');
  }
});

test('eligibility: each Change link on the answer page asks that question again, answers kept', async ({ page }) => {
  const today = await openEligibility(page);
  const a = employmentCase(today);
  const answers = answerParams(a);
  const answerUrl = `/residence/eligibility?${new URLSearchParams(answers)}`;
  await visit(page, answerUrl);
  await expect(page.locator('main .answer')).toHaveClass(/\banswer--yes\b/);
  await expectAnswerPage(page, a);

  // Every link names its question: ask=N with N the question (1..4) that asks the answer.
  const rows = answerRows(page);
  for (const k of Object.keys(answers)) {
    const href = await rows.getByRole('link', { name: `Change ${LABELS[k]}`, exact: true }).getAttribute('href');
    expect.soft(new URL(href, 'http://x').searchParams.get('ask'), `ask= of the Change link for ${k} (${href})`).toBe(String(stepOf(k)));
  }
  // Following one link per question shows that question with its answer, the others carried.
  for (const k of ['kind', 'basis', 'date_of_birth', 'passport_valid_until']) {
    const n = stepOf(k);
    await submit(page, rows.getByRole('link', { name: `Change ${LABELS[k]}`, exact: true }));
    const shown = await shownStep(page);
    expect.soft(shown, `Change ${LABELS[k]} should show question ${n}`).toBe(n);
    await checkPage(page);
    if (shown === n) {
      await expectStep(page, n, answers);
      await expectStepKept(page, n, a);
    }
    await visit(page, answerUrl);
  }
});

test('absences: add a trip row, then one absence over 6 calendar months is over the limit', async ({ page }) => {
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
  // In calendar months and days (which depend on today), and in days.
  await expect(rows.filter({ hasText: 'Time away in total' }).locator('dd')).toContainText(/months? and \d+ days? \(217 days\)/);
  await expect(rows.filter({ hasText: 'Longest absence' }).locator('dd')).toContainText(/^6 months and \d+ days?/);
  const reason = answer.locator('.reasons li').filter({ hasText: 'at most 6 months' });
  await expect(reason).toHaveCount(1);
  await expect(reason).toContainText('(208 days away)');
  // Each absence in the table, with its length.
  await expect(answer.locator('table tbody tr')).toHaveCount(2);
  // The rows and the dates typed are still there.
  await expect(page.locator('main fieldset.trip')).toHaveCount(4);
  await expect(page.locator('#departed_1')).toHaveValue(trip2.departed);
  await expect(page.locator('#returned_1')).toHaveValue(trip2.returned);
  await checkPage(page);

  // The counting rule, in a <details> the user can open.
  const how = page.locator('main details').filter({ has: page.locator('summary', { hasText: 'How the time away is counted' }) });
  await expect(how).toHaveCount(1);
  await expect(how.locator('p').first()).toBeHidden();
  await how.locator('summary').click();
  await expect(how.locator('p').first()).toBeVisible();
  await expect(how).toContainText('If you leave on 15 January, 6 months of absence end on 15 July');
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

  // A return before the departure in the same row: an error at that row, named after the row
  // filled (Trip 2), never a verdict; every date typed is kept.
  const returned = shift(departed, { days: -5 });
  await page.locator('#returned_1').fill(returned);
  const refused = await submit(page, page.locator('main form button.button:not([name])'));
  expect(refused?.status()).toBe(422);
  await expect(page.locator('main .answer')).toHaveCount(0);
  const message = `Trip 2: the return (${returned}) is before the departure (${departed}). Check the two dates.`;
  await expect(page.locator('#error-summary')).toBeVisible();
  expect(await page.locator('#error-summary').getByRole('link', { name: message }).getAttribute('href')).toBe('#returned_1');
  await expect(page.locator('#returned_1-error')).toHaveText(message);
  await expect(page.locator('#returned_1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#departed_1')).toHaveValue(departed);
  await expect(page.locator('#returned_1')).toHaveValue(returned);
  await checkPage(page);
});

test('fees: fee table and payment slip for a Cyrillic payer, with PDF and a scannable QR code', async ({ page }) => {
  const payer = 'Ана Петровић';
  await visit(page, '/residence/fees');
  await expect(page.locator('#kind-first')).toBeChecked();
  await expect(page.locator('main table')).toHaveCount(0);
  await expect(page.locator('.slip')).toHaveCount(0);

  // No municipality chosen first: refused, the other answers kept.
  await page.locator('#basis').selectOption('employment.employment_contract');
  await expect(page.locator('#municipality')).toHaveValue('');
  await page.locator('#payer').fill(payer);
  const refused = await submit(page, primarySubmit(page));
  expect(refused?.status(), 'refused fee question').toBe(422);
  await expect(page.locator('#error-summary a[href="#municipality"]')).toHaveCount(1);
  await expect(page.locator('#municipality-error')).toBeVisible();
  await expect(page.locator('#municipality')).toHaveAttribute('aria-invalid', 'true');
  // The message names the question (crates/web/src/error.rs, field_error_message).
  await expect(page.locator('#municipality-error')).toHaveText('Select an answer for “Municipality of your residence”.');
  await expect(page.locator('#error-summary a[href="#municipality"]')).toHaveText('Select an answer for “Municipality of your residence”.');
  await expect(page.locator('#municipality')).toHaveValue('');
  await expect(page.locator('#payer')).toHaveValue(payer);
  await expect(page.locator('#basis')).toHaveValue('employment.employment_contract');
  await expect(page.locator('.slip')).toHaveCount(0);
  await checkPage(page);

  await page.locator('#municipality').selectOption('016');
  const res = await submit(page, primarySubmit(page));
  expect(res?.status()).toBe(200);
  await expect(page.locator('#error-summary')).toHaveCount(0);

  // The fee table: the residence fee and the application fee with the request, and the
  // biometrics fees later.
  const table = page.locator('main table.table');
  await expect(table).toHaveCount(1);
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  // Amounts in the page language's form (English: 21,830.00 RSD).
  await expect(table.locator('tbody')).toContainText('21,830.00 RSD');
  await expect(table.locator('tbody')).toContainText('840-742221843-57');
  await expect(page.locator('main')).toContainText('Due with the request: 22,230.00 RSD');

  // The slip.
  const slip = page.locator('main .slip');
  await expect(slip).toHaveCount(1);
  await expect(slip.locator('.slip__box').first()).toHaveText(payer);
  await expect(slip).toContainText('Republička administrativna taksa');
  await expect(slip.locator('.slip__box').filter({ hasText: 'RSD' })).toHaveText(/^\d+ · 22,230\.00\sRSD$/);
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
    const pdfText = pdfToText(await fetchPdf(page, href), { layout: false });
    expect(pdfText).toContain(payer);
    expect(pdfText).toContain('Republička administrativna taksa');

    // The QR code as the browser shows it, decoded by zbar (as UTF-8).
    const decoded = await decodeQr(qr, dir);
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
  // Amounts in the Serbian form there.
  await expect(page.locator('main table.table tbody')).toContainText('21.830,00 RSD');
  await expect(page.locator('main .slip .slip__box').filter({ hasText: 'RSD' })).toHaveText(/^\d+ · 22\.230,00\sRSD$/);
  await expect(page.locator('main .slip img.slip__qr')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await expect(page.locator('main a[href^="/residence/fees/slip.pdf"]')).toHaveAttribute('href', /[?&]lang=sr-Cyrl\b/);
  await expect(page.locator('#payer')).toHaveValue(payer);
  await expect(page.locator('#municipality')).toHaveValue('016');
});
