// Helpers for the specs of the online application for temporary residence (issue 4),
// tests/application-*.spec.js, the only copy of each: the texts the tests look for per page
// language (TEXT), locators of the application's pages, walking its steps in the browser
// (start, open a step, save and continue, upload, read the slip), and making an application
// through the forms' own requests (submitted, paid) where a test needs one but not its pages.
// The pages are checked the way lib/journey.js checks them (axe, <html lang>, a title, reflow
// at 375 px, one primary button).
//
//   import { TEXT, EN, startApplication, openStep, saveAndContinue } from '../lib/application.js';
//   await startApplication(page, EN.kindFirst);
//   await openStep(page, 1);

import { execFileSync } from 'node:child_process';
import { expect } from './fixtures.js';
import { repoRoot, serverBinary } from './harness.js';
import { DEMO_PASSWORD, SUPERVISOR, escapeRe, go, newContext, shift, signIn, todayUtc, visit } from './journey.js';
import { pngBytes } from './testfiles.js';

// Texts the tests look for, per page language (crates/eforeigner/locales/**/*.ftl).
export const TEXT = {
  en: {
    htmlLang: /^en$/,
    appsTitle: 'My applications',
    appsNone: 'You have no applications yet.',
    appsStart: 'Start a new application',
    paginationLabel: 'Pages',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    startTitle: 'Apply for temporary residence',
    kindFirst: 'First temporary residence permit',
    kindExtension: 'Extension of my temporary residence permit',
    startSubmit: 'Start',
    needsEbsTitle: 'Link your residence permit number first',
    linkEbs: 'Link my permit number',
    ebsTitle: 'Link your residence permit number',
    ebsField: "Foreigner's registration number",
    ebsSubmit: 'Save and continue',
    tasksTitle: 'Your application',
    steps: ['Check', 'Personal data', 'Reasons for residence', 'Details of reasons', 'Documentation', 'Fees and payment'],
    notStarted: 'Not started',
    inProgress: 'In progress',
    completed: 'Completed',
    cannotStart: 'Cannot start yet',
    saveContinue: 'Save and continue',
    saveLater: 'Save and come back later',
    citizenship: 'Citizenship',
    location: 'Where are you now?',
    inSerbia: 'In Serbia',
    lastEntry: 'Date of your last entry into Serbia',
    dVisa: /long-stay visa D/,
    yes: 'Yes',
    no: 'No',
    permitExpiry: 'Expiry date of your current permit',
    givenNames: 'Given name(s)',
    surname: 'Surname',
    dateOfBirth: 'Date of birth',
    birthPlace: 'Place and country of birth',
    father: "Father's name",
    mother: "Mother's name",
    education: 'Education',
    newPassport: /new passport since your current permit/,
    passportNumber: 'Passport number',
    passportCountry: 'Country that issued the passport',
    passportIssued: 'Date of issue',
    passportExpiry: 'Expiry date',
    ground: 'Basis for residence',
    municipality: /^Municipality/,
    street: 'Street',
    houseNumber: 'House and flat number',
    requestedUntil: /^Permit wanted until/,
    businessName: /^Name of the business/,
    businessMb: /^Registration number \(MB\) of the business/,
    businessPib: /^Tax identification number \(PIB\) of the business/,
    businessAddress: /^Registered address of the business/,
    chooseFiles: /^Choose files/,
    upload: /^Upload/,
    uploadProgress: 'Upload progress',
    filesUploaded: 'The files have been uploaded.',
    savedForLater: 'Your answers are saved. You can come back to this application at any time in the next 30 days.',
    slipReady: "Your payment slip is ready below, with this application's own reference. Pay with it, then continue.",
    // An amount as the page writes it (22,230.00 RSD) -> 22230.00.
    amount: { re: /(\d{1,3}(?:,\d{3})*\.\d{2})\sRSD$/, plain: (a) => a.replace(/,/g, '') },
    paymentMethod: 'How will you pay?',
    slip: /^Payment slip/,
    reviewTitle: 'Check your answers before submitting',
    change: 'Change',
    declaration: /^I declare that the information/,
    submitRequest: 'Submit the request',
    submittedTitle: 'Request submitted',
    status: 'Status',
    awaitingPayment: 'Awaiting payment',
    caseLocked: 'This request has been submitted, so it can no longer be changed. The change you just sent was not saved.',
    statusSubmitted: 'Request submitted',
    paymentConfirmed: 'Payment confirmed; request received',
    slipDownload: 'Download the slip (PDF)',
    mailboxTitle: 'e-Mailbox',
    receipt: 'Confirmation of request receipt',
    unread: 'New',
    mailboxDownload: 'Download the PDF',
    firstOpened: 'First opened',
    notOpened: 'Not opened yet',
    openDocument: 'Open the document',
    openedBanner: 'The document is open. The date and time you received it are recorded.',
    verifyCode: 'Verification code',
  },
  'sr-Cyrl': {
    htmlLang: /^sr-Cyrl$/,
    appsTitle: 'Моји захтеви',
    appsStart: 'Започните нови захтев',
    startTitle: 'Поднесите захтев за привремени боравак',
    kindExtension: 'Продужење моје дозволе за привремени боравак',
    startSubmit: 'Започните',
    linkEbs: 'Повежите број своје дозволе',
    ebsTitle: 'Повежите број своје дозволе за боравак',
    ebsField: 'Евиденцијски број странца',
    ebsSubmit: 'Сачувајте и наставите',
    tasksTitle: 'Ваш захтев',
    steps: ['Провера', 'Лични подаци', 'Разлози боравка', 'Детаљи разлога', 'Документација', 'Таксе и плаћање'],
    notStarted: 'Није започето',
    completed: 'Завршено',
    saveContinue: 'Сачувајте и наставите',
    citizenship: 'Држављанство',
    location: 'Где се сада налазите?',
    inSerbia: 'У Србији',
    lastEntry: 'Датум Вашег последњег уласка у Србију',
    dVisa: /визу Д/,
    yes: 'Да',
    no: 'Не',
    permitExpiry: 'Датум истека Ваше тренутне дозволе',
    birthPlace: 'Место и држава рођења',
    father: 'Име оца',
    mother: 'Име мајке',
    education: 'Образовање',
    newPassport: /нови пасош/,
    passportIssued: 'Датум издавања',
    ground: 'Основ боравка',
    municipality: /^Општина пребивалишта/,
    street: 'Улица',
    houseNumber: 'Кућни број и број стана',
    businessName: /^Назив привредног субјекта/,
    businessMb: /^Матични број \(МБ\) привредног субјекта/,
    businessPib: /^Порески идентификациони број \(ПИБ\) привредног субјекта/,
    businessAddress: /^Адреса седишта привредног субјекта/,
    chooseFiles: /^Изаберите датотеке/,
    upload: /^Приложите/,
    filesUploaded: 'Датотеке су отпремљене.',
    slipReady: 'Ваш налог за уплату је испод, са позивом на број овог захтева. Платите по њему, па наставите.',
    // An amount as the page writes it (22.230,00 RSD) -> 22230.00.
    amount: { re: /(\d{1,3}(?:\.\d{3})*,\d{2})\sRSD$/, plain: (a) => a.replace(/\./g, '').replace(',', '.') },
    paymentMethod: 'Како ћете платити?',
    slip: /^Уплатницом/,
    reviewTitle: 'Проверите одговоре пре подношења',
    declaration: /^Изјављујем да су наведени подаци/,
    submitRequest: 'Поднесите захтев',
    submittedTitle: 'Захтев поднет',
    status: 'Статус',
    awaitingPayment: 'Чека уплату',
    statusSubmitted: 'Захтев поднет',
    paymentConfirmed: 'Уплата потврђена; захтев примљен',
    mailboxTitle: 'еСандуче',
    receipt: 'Потврда о пријему захтева',
    unread: 'Ново',
    mailboxDownload: 'Преузмите PDF',
    firstOpened: 'Први пут отворено',
    notOpened: 'Још није отворено',
    openDocument: 'Отворите документ',
  },
};
export const EN = TEXT.en;

/** The page options (`htmlLang`) of `visit`, `go` and `checkPage` for the language of `t`. */
export const inLang = (t) => ({ htmlLang: t.htmlLang });

// ---------------------------------------------------------------------------------------
// locators

export const main = (page) => page.locator('main');
export const h1 = (page) => page.locator('main h1');

/** The status tag of step `name` on the task list. */
export function taskState(page, name) {
  return page.locator('main .task-list__item').filter({ has: page.getByRole('link', { name, exact: true }) }).locator('.tag');
}

/** Every row of the task list as "name: state" (names with or without a link). */
export async function taskStates(page) {
  return page.locator('main .task-list__item').evaluateAll((items) =>
    items.map((li) => {
      const name = li.querySelector('.task-list__name').textContent.replace(/^\s*\d+\.\s*/, '').trim();
      return `${name}: ${li.querySelector('.tag').textContent.trim()}`;
    }),
  );
}

/** The "Save and continue" button of a step form. */
export const saveContinue = (page, t = EN) => main(page).getByRole('button', { name: t.saveContinue, exact: true });

/** The value cell of the summary row labelled `label` (dl.summary). */
export function fact(scope, label) {
  return scope
    .locator('.summary__row')
    .filter({ has: scope.page().locator('dt', { hasText: new RegExp(`^${escapeRe(label)}$`) }) })
    .locator('dd')
    .first();
}

/** A radio of the fieldset named `group`. */
export function radio(page, group, label) {
  return main(page).getByRole('group', { name: group }).getByLabel(label, { exact: true });
}

/** The upload section of a checklist item (a region named by its heading). */
export function docSection(page, name) {
  return main(page).getByRole('region', { name });
}

// ---------------------------------------------------------------------------------------
// the application's pages, in the browser

/** From "My applications": starts an application of `kind`; ends on the task list. */
export async function startApplication(page, kindLabel, { t = EN } = {}) {
  await visit(page, '/applications', inLang(t));
  await expect(h1(page)).toHaveText(t.appsTitle);
  await go(page, main(page).getByRole('link', { name: t.appsStart }), inLang(t));
  await expect(page).toHaveURL(/\/applications\/new$/);
  await expect(h1(page)).toHaveText(t.startTitle);
  await main(page).getByLabel(kindLabel, { exact: true }).check();
  return go(page, main(page).getByRole('button', { name: t.startSubmit, exact: true }), inLang(t));
}

/** Opens step `n` (1-based) from the task list. */
export async function openStep(page, n, { t = EN } = {}) {
  await go(page, main(page).getByRole('link', { name: t.steps[n - 1], exact: true }), inLang(t));
  await expect(h1(page)).toHaveText(t.steps[n - 1]);
  await expect(main(page).locator('.caption')).toContainText(String(n));
}

/** "Save and continue": expects step `next` (a step number, or 'review'). */
export async function saveAndContinue(page, next, { t = EN } = {}) {
  await go(page, saveContinue(page, t), inLang(t));
  await expect(page.locator('#error-summary'), 'no errors after saving').toHaveCount(0);
  if (next === 'review') {
    await expect(page).toHaveURL(/\/applications\/[^/]+\/review$/);
    await expect(h1(page)).toHaveText(t.reviewTitle);
  } else {
    await expect(page).toHaveURL(/\/applications\/[^/]+\/steps\/[a-z]+$/);
    await expect(h1(page)).toHaveText(t.steps[next - 1]);
  }
}

/**
 * Uploads `file` for the item in `section` with its Upload button; with JavaScript the upload
 * goes by XHR. Back on the step with the banner (without JavaScript also at the item: the
 * redirect's #doc_<item>; an XHR's response URL has no fragment).
 */
export async function uploadOk(page, section, file, { t = EN } = {}) {
  await section.getByLabel(t.chooseFiles).setInputFiles(file.path);
  await go(page, section.getByRole('button', { name: t.upload }), inLang(t));
  const item = await section.getAttribute('id');
  expect(item).toMatch(/^doc_[a-z0-9_]+$/);
  await expect(page).toHaveURL(new RegExp(`/steps/documents\\?done=files-uploaded(#${item})?$`));
  await expect(main(page).getByRole('status')).toHaveText(t.filesUploaded);
  await expect(page.locator('#error-summary')).toHaveCount(0);
}

/** The slip shown on the page: written reference, amount (as for a bank statement), payer. */
export async function readSlip(page, { t = EN } = {}) {
  const slip = main(page).locator('.slip');
  await expect(slip).toHaveCount(1);
  const boxes = await slip.locator('.slip__box').allTextContents();
  const shown = boxes.map((b) => b.trim()).find((b) => /^97 \d{2}-\d+$/.test(b));
  expect(shown, `model-97 reference on the slip, model printed once (boxes: ${JSON.stringify(boxes)})`).toBeTruthy();
  const reference = shown;
  // Payment code · amount in the page language's form.
  const amountBox = boxes.map((b) => b.trim()).find((b) => /RSD/.test(b));
  const m = /^\d{3} · (.+)$/.exec(amountBox || '');
  expect(m, `payment code and amount on the slip (${amountBox})`).toBeTruthy();
  const a = t.amount.re.exec(m[1]);
  expect(a, `amount on the slip in the page's form (${amountBox})`).toBeTruthy();
  const amount = t.amount.plain(a[1]); // 22,230.00 or 22.230,00 -> 22230.00
  return { reference, amount, payer: boxes[0].trim(), slip };
}

// ---------------------------------------------------------------------------------------
// applications through the forms' own requests

/** The `based_on` hidden field of a form page: the answers the form is based on. */
function basedOnOf(html) {
  const m = html.match(/name="based_on" value="([0-9a-f]{16})"/);
  expect(m, 'a based_on field on the page').toBeTruthy();
  return m[1];
}

/**
 * Saves step `step` of `app` by posting its form the way the page does (its own pages are
 * walked through in the specs); expects the redirect of a complete step.
 */
async function postStep(request, csrf, app, step, fields) {
  const form = await request.get(`${app}/steps/${step}`);
  expect(form.status(), `GET ${app}/steps/${step}`).toBe(200);
  const res = await request.post(`${app}/steps/${step}`, {
    form: { csrf_token: csrf, based_on: basedOnOf(await form.text()), ...fields },
    maxRedirects: 0,
  });
  expect(res.status(), `POST ${step}: ${res.status() === 303 ? '' : await res.text()}`).toBe(303);
}

/**
 * Submits a first-permit application (employment contract, paid by slip) for the signed-in
 * applicant of `page`, posting each step's form; returns its path, /applications/{id}.
 */
export async function submitApplication(page, person) {
  const request = page.request;
  const newForm = await request.get('/applications/new');
  const csrf = (await newForm.text()).match(/name="csrf_token" value="([^"]+)"/)[1];
  const started = await request.post('/applications/new', { form: { csrf_token: csrf, kind: 'first' }, maxRedirects: 0 });
  expect(started.status(), 'start an application').toBe(303);
  const app = new URL(started.headers().location, 'http://x').pathname;
  await postStep(request, csrf, app, 'check', { citizenship: 'UA', location: 'in-serbia', last_entry: shift(todayUtc(), { days: -20 }), has_d_visa: 'no' });
  await postStep(request, csrf, app, 'personal', {
    given_names: person.given, surname: person.surname, date_of_birth: person.dob, sex: 'female',
    birth_place: 'Lviv, Ukraine', father_name: 'Petro', mother_name: 'Olena', education: 'master',
    passport_number: person.docNumber, passport_country: 'UA', passport_issued: '2021-01-01', passport_expiry: person.expiry,
  });
  await postStep(request, csrf, app, 'reasons', {
    ground: 'employment.employment_contract', residence_municipality: '016', street: 'Bulevar kralja Aleksandra',
    house_number: '73', postcode: '11000', requested_until: '',
  });
  await postStep(request, csrf, app, 'details', {
    employer_name: 'Čigra d.o.o.', employer_pib: '101134702', employer_mb: '17162543', contract_type: 'indefinite',
    contract_end: '', job_title: 'Engineer',
  });
  const bytes = pngBytes();
  for (const item of ['photograph', 'passport_scan', 'proof_of_financial_means', 'beli_karton', 'employment_contract']) {
    const res = await request.post(`${app}/files`, {
      multipart: { csrf_token: csrf, item, files: { name: `${item}.png`, mimeType: 'image/png', buffer: bytes } },
      maxRedirects: 0,
    });
    expect(res.status(), `upload ${item}`).toBe(303);
  }
  await postStep(request, csrf, app, 'documents', {});
  await postStep(request, csrf, app, 'fees', { payment_method: 'slip' });
  const review = await request.get(`${app}/review`);
  const submitted = await request.post(`${app}/submit`, {
    form: { csrf_token: csrf, based_on: basedOnOf(await review.text()), declaration: 'on' },
    maxRedirects: 0,
  });
  expect(submitted.status(), 'submit').toBe(303);
  return app;
}

/**
 * A supervisor (one sign-in) confirms the payments of the applications `apps`
 * (/applications/{id} each) with the form of /officer/payments, one post per case.
 */
export async function confirmPayments(browser, baseURL, apps) {
  const context = await newContext(browser, baseURL);
  try {
    const s = await context.newPage();
    await signIn(s, SUPERVISOR, DEMO_PASSWORD);
    await visit(s, '/officer/payments');
    const token = await s.locator('main form input[name="csrf_token"]').first().inputValue();
    for (const app of apps) {
      const id = app.split('/').pop();
      const res = await s.request.post(`/officer/payments/${id}/confirm`, {
        form: { csrf_token: token, note: 'Seen on the treasury statement' },
        maxRedirects: 0,
      });
      expect(res.status(), `confirm ${id}`).toBe(303);
      expect(res.headers().location).toBe('/officer/payments?done=payment-confirmed');
    }
  } finally {
    await context.close();
  }
}

/** A supervisor confirms the payment of application `app` (/applications/{id}) on /officer/payments. */
export function confirmPayment(browser, baseURL, app) {
  return confirmPayments(browser, baseURL, [app]);
}

// ---------------------------------------------------------------------------------------
// the command line

/**
 * `eforeigner payments import FILE` with the server's environment: the same data dir (so the
 * same SQLite database, or E2E_DATABASE_URL), the same SMTP sink and public URL.
 */
export function paymentsImport(server, csvFile) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('EFOREIGNER_')));
  Object.assign(env, {
    EFOREIGNER_DATA_DIR: server.dataDir,
    EFOREIGNER_SMTP_URL: server.smtpUrl,
    EFOREIGNER_PUBLIC_URL: server.baseURL,
  });
  if (process.env.E2E_DATABASE_URL) env.EFOREIGNER_DATABASE_URL = process.env.E2E_DATABASE_URL;
  try {
    return execFileSync(serverBinary(), ['payments', 'import', csvFile], {
      cwd: repoRoot,
      env,
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString('utf8');
  } catch (err) {
    throw new Error(`payments import failed (status ${err.status}):\n${err.stdout}\n${err.stderr}`);
  }
}
