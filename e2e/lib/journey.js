// Helpers for journey tests, the only copy of each: `test` whose requests come from a client
// address of the test's own, checking each page shown (axe, <html lang>, a title, reflow at
// 375 px, one primary button), navigating, dates, and the people a test needs (a
// registration, a confirmed e-mail address, a sign-in, an active applicant). The helpers of
// the online application (its pages, a submitted and paid application) are in
// lib/application.js.
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
import { makeTempDir, writePng } from './testfiles.js';

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
export const DEMO_APPLICANT = 'applicant@demo.eforeigner.test';
export const VERIFIER = 'verifier@demo.eforeigner.test';
export const SUPERVISOR = 'supervisor@demo.eforeigner.test';
export const INSPECTOR = 'inspector@demo.eforeigner.test';
// The demo applicant whose request is already submitted and paid (crates/eforeigner/src/demo.rs).
export const RESIDENT = 'resident@demo.eforeigner.test';

// Texts of the account pages the helpers look for, per page language (from
// crates/eforeigner/locales/*.ftl).
export const ACCOUNT_TEXT = {
  en: {
    htmlLang: /^en$/,
    registerTitle: 'Create an account',
    registerSubmit: 'Create account',
    errorSummary: 'There is a problem',
    surnameRequired: 'Enter your surname.',
    consentRequired: 'You must accept the terms of use to create an account.',
    uploadsKept: 'Files already uploaded',
    sentTitle: 'Check your e-mail',
    sentTo: (email) => `We sent the link to ${email}`,
    confirmSubject: 'Confirm your e-mail address',
    confirmTitle: 'Confirm your e-mail address',
    confirmButton: 'Confirm',
    confirmedTitle: 'Your e-mail address is confirmed',
    loginChooseTitle: 'Choose how to sign in',
    loginWithPassword: 'Sign in with e-mail and password',
    loginTitle: 'Sign in',
    loginInvalid: 'The e-mail address or password is not correct.',
    accountTitle: 'Your account',
    queueTitle: 'Accounts awaiting verification',
    paymentsTitle: 'Payments awaiting confirmation',
    casesTitle: 'Residence cases',
    statusHeading: 'Status',
    awaiting: 'Awaiting verification',
    active: 'Active',
    signOut: 'Sign out',
  },
  'sr-Cyrl': {
    htmlLang: /^sr-Cyrl$/,
    registerTitle: 'Направите налог',
    registerSubmit: 'Направите налог',
    errorSummary: 'Постоји проблем',
    surnameRequired: 'Унесите своје презиме.',
    consentRequired: 'Да бисте направили налог, морате да прихватите услове коришћења.',
    uploadsKept: 'Већ приложене датотеке',
    sentTitle: 'Проверите е-пошту',
    sentTo: (email) => `Линк смо послали на ${email}`,
    confirmSubject: 'Потврдите адресу е-поште',
    confirmTitle: 'Потврдите адресу е-поште',
    confirmButton: 'Потврдите',
    confirmedTitle: 'Ваша адреса е-поште је потврђена',
    loginChooseTitle: 'Изаберите начин пријаве',
    loginWithPassword: 'Пријава адресом е-поште и лозинком',
    loginTitle: 'Пријава',
    loginInvalid: 'Адреса е-поште или лозинка није тачна.',
    accountTitle: 'Ваш налог',
    queueTitle: 'Налози који чекају проверу',
    casesTitle: 'Предмети боравка',
    statusHeading: 'Статус',
    awaiting: 'Чека проверу',
    active: 'Активан',
    signOut: 'Одјавите се',
  },
};

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
 * Waits for the page to settle and checks it: <html lang> (`htmlLang`, English unless
 * told), a title, axe (WCAG 2.2 AA), no sideways scrolling at 375 px (WCAG 1.4.10) and at
 * most one primary button (the last two: lib/layout.js, what axe does not check).
 */
export async function checkPage(page, { htmlLang = ACCOUNT_TEXT.en.htmlLang } = {}) {
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

/**
 * Clicks a link or a button that navigates (submits a form) and returns the final response;
 * checks nothing (see `go`).
 */
export function submit(page, control) {
  return navigation(page, () => control.click());
}

/** Clicks a link or button that navigates, expects the status, and checks the page it lands on. */
export async function go(page, control, { status = 200, htmlLang } = {}) {
  const res = await submit(page, control);
  expect(res?.status(), `after clicking ${control}`).toBe(status);
  await checkPage(page, { htmlLang });
  return res;
}

/** The one primary submit button of the form in <main> (form pages have exactly one). */
export const mainSubmit = (page) => page.locator('main form button.button[type=submit]');

/** The page's one <h1>, in <main>, has the text `text`. */
export async function expectH1(page, text) {
  await expect(page.locator('h1')).toHaveText(text);
  await expect(page.locator('main h1')).toHaveText(text);
}

/** `s` with the characters that mean something in a regular expression escaped. */
export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A new browser context (own cookies) against the test server, from the test's client address. */
export function newContext(browser, baseURL, options = {}) {
  return browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'Europe/Belgrade', extraHTTPHeaders: clientHeaders(), ...options });
}

// ---------------------------------------------------------------------------------------
// dates

/** `date` (YYYY-MM-DD) moved by `days` days and `years` years, as YYYY-MM-DD (UTC). */
export function shift(date, { days = 0, years = 0 } = {}) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today as the server sees it (its clock is UTC). */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

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

/**
 * The "check your e-mail" page after a registration: /register/sent?to=<address>, naming the
 * address the link went to (texts of `t`, ACCOUNT_TEXT). Does not run the page checks.
 */
export async function expectRegistrationSent(page, person, { t = ACCOUNT_TEXT.en } = {}) {
  await expect(page).toHaveURL(new RegExp(`/register/sent\\?to=${escapeRe(encodeURIComponent(person.email))}$`));
  const url = new URL(page.url());
  expect(url.pathname, 'page after registering').toBe('/register/sent');
  expect(url.searchParams.get('to'), 'the address the link went to').toBe(person.email);
  await expectH1(page, t.sentTitle);
  await expect(page.locator('main')).toContainText(t.sentTo(person.email));
}

/**
 * Opens the link of the confirmation mail (which greets the person) and presses Confirm
 * (pages checked, texts of `t`); returns the link.
 */
export async function confirmEmail(page, person, { t = ACCOUNT_TEXT.en } = {}) {
  const mail = await waitForMail({ to: person.email, subjectContains: t.confirmSubject });
  expect(mail.text).toContain(person.given);
  const link = extractLink(mail.text, '/confirm-email');
  await visit(page, link, { htmlLang: t.htmlLang });
  await expectH1(page, t.confirmTitle);
  await go(page, page.getByRole('button', { name: t.confirmButton, exact: true }), { htmlLang: t.htmlLang });
  await expectH1(page, t.confirmedTitle);
  return link;
}

/**
 * Where a person lands after signing in when no page asked for the login
 * (crates/web/src/public/login.rs, `landing`): the verification officer on the accounts awaiting
 * verification, a supervisor on the payments awaiting confirmation, an inspector on the cases of
 * their department, an applicant on /account.
 */
export function landingFor(email) {
  if (email === VERIFIER) return '/officer/verifications';
  if (email === SUPERVISOR) return '/officer/payments';
  if (email === INSPECTOR) return '/officer/cases';
  return '/account';
}

/** The heading (in `t`, ACCOUNT_TEXT) of a landing page after signing in. */
function landingTitle(landing, t) {
  return {
    '/account': t.accountTitle,
    '/officer/verifications': t.queueTitle,
    '/officer/payments': t.paymentsTitle,
    '/officer/cases': t.casesTitle,
  }[landing];
}

/**
 * Signs in on /login/password and ends on the person's landing page, with its heading; both
 * pages checked in the language of `t` (ACCOUNT_TEXT).
 */
export async function signIn(page, email, password, { landing = landingFor(email), t = ACCOUNT_TEXT.en } = {}) {
  await visit(page, '/login/password', { htmlLang: t.htmlLang });
  await expectH1(page, t.loginTitle);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await go(page, mainSubmit(page), { htmlLang: t.htmlLang });
  expect(new URL(page.url()).pathname, `landing page of ${email}`).toBe(landing);
  expect(new URL(page.url()).search, `landing page of ${email}`).toBe('');
  const title = landingTitle(landing, t);
  if (title) await expectH1(page, title);
}

/** The verification officer opens the case of `person` and `decide`s on it (with the officer's page). */
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
 * passport, no EBS), the confirmation mail, and the verification officer's approval. Every
 * page shown is checked.
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
