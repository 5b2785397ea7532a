// Helpers for journey tests: `test` whose requests come from a client address of the test's
// own, checking each page shown (axe, <html lang>, reflow at 375 px, one primary button),
// navigating, and making the people and data a test needs (a registration, an active
// applicant, a submitted and paid application).
//
//   import { test, expect, visit, go, newPerson, activeApplicant, signIn } from '../lib/journey.js';
//   const person = newPerson('Olena', 'Kovalenko', 'amber-violin-quarry-58');
//   await activeApplicant(browser, baseURL, person);
//   await signIn(page, person.email, person.password);

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from './fixtures.js';
import { expectNoA11yViolations, expectNoA11yViolationsInCopy } from './axe.js';
import { expectReflow, expectOnePrimaryButton } from './layout.js';
import { waitForMail, mailMark, extractLink } from './mail.js';
import { makeTempDir, pngBytes, writePng } from './testfiles.js';

// ---------------------------------------------------------------------------------------
// each test a client of its own

/**
 * The client address a test acts as: one of 10.0.0.0/8, fixed by the test's file and title.
 * The harness's server believes X-Forwarded-For from 127.0.0.1 (lib/harness.js), so the
 * per-address throttles (20 registrations an hour, sign-in attempts) count each test apart.
 */
export function clientAddress(testInfo = base.info()) {
  // titlePath starts with the file's name (relative to the test directory).
  const h = crypto.createHash('sha256').update(testInfo.titlePath.join('\n')).digest();
  return `10.${h[0]}.${h[1]}.${1 + (h[2] % 254)}`;
}

/** The headers that make a context's requests come from the test's own client address. */
export function clientHeaders(testInfo = base.info()) {
  return { 'X-Forwarded-For': clientAddress(testInfo) };
}

/** `test` of lib/fixtures.js whose `page` (and `request`) come from the test's own client address. */
export const test = base.extend({
  extraHTTPHeaders: async ({}, use, testInfo) => {
    await use(clientHeaders(testInfo));
  },
});
export { expect };

export const DEMO_PASSWORD = 'sunrise-lantern-harbour-42';
export const VERIFIER = 'verifier@demo.eforeigner.test';
export const SUPERVISOR = 'supervisor@demo.eforeigner.test';

// ---------------------------------------------------------------------------------------
// pages

// Pages of a context without JavaScript -> a context with JavaScript where axe can run on a
// copy of them (axe itself needs JavaScript). Set with `checkWithoutJs(page, checker)`.
const axeCheckerFor = new WeakMap();

/** Marks `page` (of a context with JavaScript off) to be checked in a copy in `checkerContext`. */
export function checkWithoutJs(page, checkerContext) {
  axeCheckerFor.set(page, checkerContext);
}

/**
 * Waits for the page to settle and checks it: <html lang>, a title, axe (WCAG 2.2 AA), no
 * sideways scrolling at 375 px and at most one primary button.
 */
export async function checkPage(page, { htmlLang = /^en$/ } = {}) {
  await page.waitForLoadState('load');
  await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
  await expect(page).toHaveTitle(/\S/);
  const checker = axeCheckerFor.get(page);
  // legacyMode: same rules, about twice as fast (no iframes on these pages); see axe.js.
  if (checker) await expectNoA11yViolationsInCopy(page, checker, { legacyMode: true });
  else await expectNoA11yViolations(page, { legacyMode: true });
  await expectReflow(page);
  await expectOnePrimaryButton(page);
}

/** Visits `url`, checks the status code, and runs the page checks. */
export async function visit(page, url, { status = 200, htmlLang } = {}) {
  const res = await page.goto(url);
  expect(res?.status(), `GET ${url}`).toBe(status);
  await checkPage(page, { htmlLang });
  return res;
}

/** Runs `action` (a click, a key press) and returns the final response of the navigation it starts. */
export async function navigation(page, action) {
  const [response] = await Promise.all([page.waitForNavigation(), action()]);
  return response;
}

/** Clicks a link or button that navigates, expects the status, and checks the page it lands on. */
export async function go(page, control, { status = 200, htmlLang } = {}) {
  const res = await navigation(page, () => control.click());
  expect(res?.status(), `after clicking ${control}`).toBe(status);
  await checkPage(page, { htmlLang });
  return res;
}

/** A new browser context (own cookies) against the test server, from the test's client address. */
export function newContext(browser, baseURL, options = {}) {
  return browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'Europe/Belgrade', extraHTTPHeaders: clientHeaders(), ...options });
}

// ---------------------------------------------------------------------------------------
// people

/** A letters-only suffix unique to this run (names may hold letters, spaces, hyphens only). */
export function uniqueLetters() {
  let n = Date.now() * 100 + Math.floor(Math.random() * 100);
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

let personCounter = 0;
/** A fresh applicant: unique name and e-mail address, valid data, the password given. */
export function newPerson(given, surnameBase, password) {
  personCounter += 1;
  return {
    given,
    surname: `${surnameBase}-${uniqueLetters()}`,
    dob: '1990-04-12',
    docNumber: `FP${String(Date.now()).slice(-6)}${personCounter % 10}`,
    expiry: '2034-06-30',
    email: `journey.${Date.now()}.${personCounter}@example.test`,
    password,
    get fullName() {
      return `${this.given} ${this.surname}`;
    },
  };
}

/** Fills the registration form on /register; `omit` lists fields to leave as they are. */
export async function fillRegistration(page, person, file, { omit = [] } = {}) {
  const skip = (k) => omit.includes(k);
  if (!skip('given_names')) await page.locator('#given_names').fill(person.given);
  if (!skip('surname')) await page.locator('#surname').fill(person.surname);
  if (!skip('date_of_birth')) await page.locator('#date_of_birth').fill(person.dob);
  if (!skip('sex')) await page.locator('#sex-female').check();
  if (!skip('citizenship')) await page.locator('#citizenship').selectOption('UA');
  if (!skip('has_ebs')) await page.locator('#has_ebs-no').check();
  if (!skip('id_doc_type')) await page.locator('#id_doc_type-passport').check();
  if (!skip('id_doc_number')) await page.locator('#id_doc_number').fill(person.docNumber);
  if (!skip('id_doc_expiry')) await page.locator('#id_doc_expiry').fill(person.expiry);
  if (!skip('documents') && file) await page.locator('#documents').setInputFiles(file.path);
  if (!skip('email')) await page.locator('#email').fill(person.email);
  if (!skip('password')) await page.locator('#password').fill(person.password);
  if (!skip('consent')) await page.locator('#consent').check();
}

/** The "check your e-mail" page after a registration: /register/sent?to=<address>. */
export async function expectRegistrationSent(page, person) {
  const url = new URL(page.url());
  expect(url.pathname, 'page after registering').toBe('/register/sent');
  expect(url.searchParams.get('to'), 'the address the link went to').toBe(person.email);
  await expect(page.locator('main h1')).toHaveText('Check your e-mail');
  await expect(page.locator('main')).toContainText(`We sent the link to ${person.email}`);
}

/** Opens the link of the confirmation mail and presses Confirm (pages checked). */
export async function confirmEmail(page, person) {
  const mail = await waitForMail({ to: person.email, subjectContains: 'Confirm your e-mail address' });
  await visit(page, extractLink(mail.text, '/confirm-email'));
  await go(page, page.getByRole('button', { name: 'Confirm', exact: true }));
  await expect(page.locator('main h1')).toHaveText('Your e-mail address is confirmed');
}

/**
 * Where a person lands after signing in when no page asked for the login
 * (crates/web/src/pages/login.rs, `landing`): the verification officer on the accounts awaiting
 * verification, a supervisor on the payments awaiting confirmation, an applicant on /account.
 */
export function landingFor(email) {
  if (email === VERIFIER) return '/officer/verifications';
  if (email === SUPERVISOR) return '/officer/payments';
  return '/account';
}

/** Signs in on /login/password and ends on the person's landing page (pages checked). */
export async function signIn(page, email, password, { landing = landingFor(email) } = {}) {
  await visit(page, '/login/password');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await go(page, page.locator('main form button.button[type=submit]'));
  expect(new URL(page.url()).pathname, `landing page of ${email}`).toBe(landing);
  expect(new URL(page.url()).search, `landing page of ${email}`).toBe('');
}

/** The verification officer opens the case of `person` and presses `button` (a name). */
export async function officerDecides(browser, baseURL, person, decide) {
  const context = await newContext(browser, baseURL);
  try {
    const o = await context.newPage();
    await signIn(o, VERIFIER, DEMO_PASSWORD);
    await visit(o, '/officer/verifications');
    await go(o, o.locator('main table').getByRole('link', { name: person.fullName, exact: true }));
    await decide(o);
  } finally {
    await context.close();
  }
}

/**
 * A fresh, active applicant, the way a real one becomes active: registration (Ukrainian,
 * passport, no EBS), the confirmation mail, and the verification officer's approval.
 */
export async function activeApplicant(browser, baseURL, person) {
  const dir = makeTempDir('eforeigner-journey-');
  const context = await newContext(browser, baseURL);
  try {
    const page = await context.newPage();
    const scan = writePng(path.join(dir, 'passport.png'));
    await visit(page, '/register');
    await fillRegistration(page, person, scan);
    await go(page, page.getByRole('button', { name: 'Create account', exact: true }));
    await expectRegistrationSent(page, person);
    await confirmEmail(page, person);
    await officerDecides(browser, baseURL, person, async (o) => {
      const mark = mailMark();
      await go(o, o.getByRole('button', { name: 'Approve and activate the account' }));
      await waitForMail({ to: person.email, subjectContains: 'Your account is active', after: mark });
    });
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return person;
}

// ---------------------------------------------------------------------------------------
// applications (through the forms' own requests; the pages themselves are walked through in
// application.spec.js)

/** `date` (YYYY-MM-DD) moved by `days` days, UTC. */
export function shift(date, { days = 0, years = 0 } = {}) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today as the server sees it (its clock is UTC). */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

function basedOnOf(html) {
  const m = html.match(/name="based_on" value="([0-9a-f]{16})"/);
  expect(m, 'a based_on field on the page').toBeTruthy();
  return m[1];
}

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

/** A supervisor confirms the payment of application `app` (/applications/{id}) on /officer/payments. */
export async function confirmPayment(browser, baseURL, app) {
  const id = app.split('/').pop();
  const context = await newContext(browser, baseURL);
  try {
    const s = await context.newPage();
    await signIn(s, SUPERVISOR, DEMO_PASSWORD);
    await visit(s, '/officer/payments');
    const token = await s.locator('main form input[name="csrf_token"]').first().inputValue();
    const res = await s.request.post(`/officer/payments/${id}/confirm`, {
      form: { csrf_token: token, note: 'Seen on the treasury statement' },
      maxRedirects: 0,
    });
    expect(res.status(), `confirm ${id}`).toBe(303);
    expect(res.headers().location).toBe('/officer/payments?done=payment-confirmed');
  } finally {
    await context.close();
  }
}
