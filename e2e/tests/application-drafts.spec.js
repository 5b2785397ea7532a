// The online application for temporary residence (issue 4), drafts and their steps in a real
// browser, with the page checks of lib/journey.js (axe WCAG 2.2 AA, <html lang>, reflow at
// 375 px, one primary button) on every page shown:
//   - the same step saved from two tabs: the later save is told that the application changed
//     in another window (409) and keeps what it typed;
//   - a step left for another tab is saved in the background, and its form then saves again
//     without a conflict;
//   - the warning before the session's idle timeout, and "Stay signed in" (WCAG 2.2.1);
//   - the task list of a new draft: "Not started" until the applicant enters something (a
//     regression).
// Each test registers its own applicant (register, confirm the mail, the verification officer
// approves).

import {
  test,
  expect,
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
import { EN, h1, main, openStep, radio, saveAndContinue, saveContinue, startApplication, taskStates } from '../lib/application.js';

test('two tabs: the later save is told the application changed in another window and keeps its answers', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const person = newPerson('Taras', 'Bondar', 'saffron-engine-glacier-46');
  await activeApplicant(browser, baseURL, person);
  const context = await newContext(browser, baseURL);
  try {
    const first = await context.newPage();
    const today = todayUtc();
    await signIn(first, person.email, person.password);
    await startApplication(first, EN.kindFirst);
    const appUrl = new URL(first.url()).pathname;

    // The same step open in two tabs.
    await visit(first, `${appUrl}/steps/check`);
    const second = await context.newPage();
    await visit(second, `${appUrl}/steps/check`);

    const firstEntry = shift(today, { days: -20 });
    const secondEntry = shift(today, { days: -5 });
    await radio(first, EN.location, EN.inSerbia).check();
    await main(first).getByLabel(EN.lastEntry, { exact: true }).fill(firstEntry);
    await radio(first, EN.dVisa, EN.no).check();
    await saveAndContinue(first, 2);

    await radio(second, EN.location, EN.inSerbia).check();
    await main(second).getByLabel(EN.lastEntry, { exact: true }).fill(secondEntry);
    await radio(second, EN.dVisa, EN.yes).check();
    const conflict = await submit(second, saveContinue(second));
    expect(conflict?.status(), 'the later save').toBe(409);
    await checkPage(second);
    const alert = second.locator('#error-summary');
    await expect(alert).toBeVisible();
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert.getByRole('heading', { level: 2 })).toHaveText('This application was changed in another window');
    await expect(alert).toBeFocused();
    // What the second tab typed is still in its form.
    await expect(main(second).getByLabel(EN.lastEntry, { exact: true })).toHaveValue(secondEntry);
    await expect(radio(second, EN.location, EN.inSerbia)).toBeChecked();
    await expect(radio(second, EN.dVisa, EN.yes)).toBeChecked();
    await expect(main(second).getByLabel(EN.citizenship, { exact: true })).toHaveValue('UA');

    // The first tab's save is what is stored.
    await visit(first, `${appUrl}/steps/check`);
    await expect(main(first).getByLabel(EN.lastEntry, { exact: true })).toHaveValue(firstEntry);
    await expect(radio(first, EN.dVisa, EN.no)).toBeChecked();

    // Saving again from the second tab now goes through, over the newer answers.
    await radio(second, EN.dVisa, EN.no).check();
    await saveAndContinue(second, 2);
    await visit(second, `${appUrl}/steps/check`);
    await expect(main(second).getByLabel(EN.lastEntry, { exact: true })).toHaveValue(secondEntry);
  } finally {
    await context.close();
  }
});

test('a step left for another tab is saved, and its form then saves again without a conflict', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const person = newPerson('Olha', 'Melnyk', 'cobalt-meadow-lantern-58');
  await activeApplicant(browser, baseURL, person);
  const context = await newContext(browser, baseURL);
  try {
    const tab = await context.newPage();
    await signIn(tab, person.email, person.password);
    await startApplication(tab, EN.kindFirst);
    const appUrl = new URL(tab.url()).pathname;
    await visit(tab, `${appUrl}/steps/check`);
    const entry = shift(todayUtc(), { days: -12 });
    await radio(tab, EN.location, EN.inSerbia).check();
    await main(tab).getByLabel(EN.lastEntry, { exact: true }).fill(entry);
    const before = await tab.locator('input[name=based_on]').inputValue();

    // The applicant switches to another tab: the page saves what was typed in the
    // background and takes the stamp of the saved answers into its form.
    await tab.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const basedOn = tab.locator('input[name=based_on]');
    await expect(basedOn, 'the form now is based on the saved answers').not.toHaveValue(before);
    await expect(basedOn).toHaveValue(/^[0-9a-f]{16}$/);

    // Another tab sees what was saved.
    const other = await context.newPage();
    await visit(other, `${appUrl}/steps/check`);
    await expect(main(other).getByLabel(EN.lastEntry, { exact: true })).toHaveValue(entry);
    await other.close();

    // Back in the first tab: its form is based on the saved answers, so Save and continue
    // goes on to the next step instead of "changed in another window".
    await tab.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    });
    await radio(tab, EN.dVisa, EN.no).check();
    await saveAndContinue(tab, 2);
    await checkPage(tab);
  } finally {
    await context.close();
  }
});

test('the session warns before the idle timeout, and "Stay signed in" keeps the applicant on the page (WCAG 2.2.1)', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const person = newPerson('Iryna', 'Tkachenko', 'amber-signal-quarry-63');
  await activeApplicant(browser, baseURL, person);
  const context = await newContext(browser, baseURL);
  try {
    const page = await context.newPage();
    // The page's timers and clock are the test's: an hour passes in a moment, in the page
    // only (the server's session is not older).
    await page.clock.install();
    await signIn(page, person.email, person.password);
    await visit(page, '/applications');
    const warning = page.locator('#timeout-warning');
    await expect(warning).toBeHidden();
    const expiresAt = Number(await warning.getAttribute('data-expires-at'));
    const warnSeconds = Number(await warning.getAttribute('data-warn-seconds'));
    expect(warnSeconds, 'applicants are warned 5 minutes before').toBe(300);
    const pageNow = await page.evaluate(() => Date.now());
    const dueInMs = expiresAt * 1000 - warnSeconds * 1000 - pageNow;
    expect(dueInMs, 'about an hour minus five minutes away').toBeGreaterThan(50 * 60 * 1000);

    // A second before it is due, nothing; then the warning, with its button focused.
    await page.clock.fastForward(dueInMs - 1000);
    await expect(warning).toBeHidden();
    await page.clock.fastForward(2000);
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('heading', { level: 2 })).toHaveText('You will be signed out soon');
    const stay = warning.getByRole('button', { name: 'Stay signed in' });
    await expect(stay).toBeFocused();
    await checkPage(page);

    // "Stay signed in" (with the page's clock back at the real time): the same page again,
    // signed in, no warning, and the session's end no earlier than before.
    await page.clock.setSystemTime(Date.now());
    await go(page, stay);
    await expect(page).toHaveURL(/\/applications$/);
    await expect(h1(page)).toHaveText(EN.appsTitle);
    await expect(warning).toBeHidden();
    expect(Number(await warning.getAttribute('data-expires-at'))).toBeGreaterThanOrEqual(expiresAt);
  } finally {
    await context.close();
  }
});


// A regression of a bug found while writing these tests (fixed).
// Was (crates/eforeigner/src/domain/applications/service.rs, `start`): a new draft stored the
// account's prefill (citizenship for Check; names, date of birth, passport for Personal data)
// as answers, and `steps::started` counts any saved answer, so the task list shows the first
// step "In progress" before the applicant has entered anything (and Personal data "In
// progress" as soon as Check is complete). StepState::NotStarted is documented as "Nothing
// entered yet".
test('task list: a new draft shows "Not started" for a step the applicant has not touched', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const person = newPerson('Marta', 'Savchuk', 'velvet-orchard-compass-35');
  await activeApplicant(browser, baseURL, person);
  await signIn(page, person.email, person.password);
  await startApplication(page, EN.kindFirst);
  expect(await taskStates(page)).toEqual([`Check: ${EN.notStarted}`, ...EN.steps.slice(1).map((s) => `${s}: ${EN.cannotStart}`)]);
  await openStep(page, 1);
  await radio(page, EN.location, EN.inSerbia).check();
  await main(page).getByLabel(EN.lastEntry, { exact: true }).fill(shift(todayUtc(), { days: -3 }));
  await radio(page, EN.dVisa, EN.no).check();
  await saveAndContinue(page, 2);
  await go(page, main(page).getByRole('link', { name: 'Back to your application' }));
  expect(await taskStates(page)).toEqual([
    `Check: ${EN.completed}`,
    `Personal data: ${EN.notStarted}`,
    ...EN.steps.slice(2).map((s) => `${s}: ${EN.cannotStart}`),
  ]);
});
