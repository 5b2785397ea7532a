// The online application for temporary residence (issue 4), documents and uploads without
// JavaScript, in a real browser: the steps save with plain form posts, "Save and come back
// later" keeps a step in progress, the documents step uploads a file with its plain file field
// and Upload button (no progress bar), a refused upload (the same file again) answers on the
// upload's own address with the file's message, and the language switch on that page returns
// to the step; the task list shows each step's status. Every page shown gets the page checks
// of lib/journey.js (axe WCAG 2.2 AA on a copy in a context with JavaScript, <html lang>,
// reflow at 375 px, one primary button). Uploads with JavaScript (XHR, the progress bar, a
// refused file): application-demo.spec.js and application-payment.spec.js.
// The test registers its own applicant (register, confirm the mail, the verification officer
// approves).

import {
  test,
  expect,
  activeApplicant,
  checkPage,
  checkWithoutJs,
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
  h1,
  inLang,
  main,
  openStep,
  radio,
  saveAndContinue,
  startApplication,
  taskStates,
  uploadOk,
} from '../lib/application.js';
import { useTempDir, writePng } from '../lib/testfiles.js';

const tmp = useTempDir(test, 'eforeigner-application-');

test('without JavaScript: a step saves and continues, a plain file upload works, the task list shows statuses', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const person = newPerson('Iryna', 'Tkachenko', 'cobalt-meadow-violin-58');
  await activeApplicant(browser, baseURL, person);
  const context = await newContext(browser, baseURL, { javaScriptEnabled: false });
  const checker = await newContext(browser, baseURL);
  try {
    const page = await context.newPage();
    checkWithoutJs(page, checker);
    const today = todayUtc();
    const photo = writePng(tmp('photo-nojs.png'), 90, 120);

    await signIn(page, person.email, person.password);
    await startApplication(page, EN.kindFirst);
    expect((await taskStates(page)).slice(1)).toEqual(EN.steps.slice(1).map((s) => `${s}: ${EN.cannotStart}`));

    // Check: saved and on to step 2.
    await openStep(page, 1);
    await radio(page, EN.location, EN.inSerbia).check();
    await main(page).getByLabel(EN.lastEntry, { exact: true }).fill(shift(today, { days: -10 }));
    await radio(page, EN.dVisa, EN.no).check();
    await saveAndContinue(page, 2);
    await expect(page).toHaveURL(/\/steps\/personal$/);

    // Personal data, half done: "Save and come back later" keeps it in progress.
    await main(page).getByLabel(EN.birthPlace, { exact: true }).fill('Odesa, Ukraine');
    await go(page, main(page).getByRole('button', { name: EN.saveLater, exact: true }));
    await expect(h1(page)).toHaveText(EN.tasksTitle);
    await expect(main(page).getByRole('status')).toHaveText(EN.savedForLater);
    expect(await taskStates(page)).toEqual([
      `Check: ${EN.completed}`,
      `Personal data: ${EN.inProgress}`,
      ...EN.steps.slice(2).map((s) => `${s}: ${EN.cannotStart}`),
    ]);

    await openStep(page, 2);
    await expect(main(page).getByLabel(EN.birthPlace, { exact: true })).toHaveValue('Odesa, Ukraine');
    await main(page).getByLabel(EN.father, { exact: true }).fill('Mykola');
    await main(page).getByLabel(EN.mother, { exact: true }).fill('Halyna');
    await main(page).getByLabel(EN.education, { exact: true }).selectOption('secondary');
    await main(page).getByLabel(EN.passportIssued, { exact: true }).fill('2023-01-15');
    await saveAndContinue(page, 3);
    await main(page).getByLabel(EN.ground, { exact: true }).selectOption('employment.employment_contract');
    await main(page).getByLabel(EN.municipality).selectOption('016');
    await main(page).getByLabel(EN.street, { exact: true }).fill('Njegoševa');
    await main(page).getByLabel(EN.houseNumber, { exact: true }).fill('5');
    await saveAndContinue(page, 4);
    await main(page).getByLabel('Name of the employer', { exact: true }).fill('Čigra d.o.o.');
    await main(page).getByLabel(/^Tax identification number \(PIB\) of the employer/).fill('101134702');
    await main(page).getByLabel(/^Registration number \(MB\) of the employer/).fill('17162543');
    await radio(page, 'Type of employment contract', 'Indefinite (permanent)').check();
    await main(page).getByLabel('Job title', { exact: true }).fill('Translator');
    await saveAndContinue(page, 5);

    // The plain file field and its Upload button: a normal form post.
    const section = docSection(page, /^Photograph/);
    await uploadOk(page, section, photo);
    await expect(docSection(page, /^Photograph/).locator('.file-list')).toContainText(photo.name);
    // No script ran: the progress bar stays hidden.
    const bar = main(page).locator('form[data-upload] progress.upload-progress');
    await expect(bar).toHaveCount(1);
    await expect(bar).toBeHidden();

    // The same file again is refused; the page with the reason is the answer to the upload's
    // post (its address takes no GET), and the language switch on it returns to the step.
    // The step the form was on (its address without the #item the browser scrolled to).
    const documentsStep = page.url().replace(/#.*$/, '');
    expect(new URL(documentsStep).pathname).toMatch(/\/steps\/documents$/);
    await docSection(page, /^Photograph/).getByLabel(EN.chooseFiles).setInputFiles(photo.path);
    const refused = await submit(page, docSection(page, /^Photograph/).getByRole('button', { name: EN.upload }));
    expect(refused?.status()).toBe(422);
    await expect(page).toHaveURL(/\/applications\/[^/]+\/documents$/);
    await expect(page.locator('#error-summary')).toContainText(`A file named ${photo.name} is already uploaded. Rename one of them.`);
    await checkPage(page);
    for (const [lang, t] of [['sr-Cyrl', TEXT['sr-Cyrl']], ['en', EN]]) {
      const res = await submit(page, page.locator(`.lang-switch button[value="${lang}"]`));
      expect(res?.status(), `after switching to ${lang}`).toBe(200);
      expect(page.url()).toBe(documentsStep);
      await checkPage(page, inLang(t));
    }

    await visit(page, new URL(page.url()).pathname.replace(/\/steps\/documents$/, ''));
    expect(await taskStates(page)).toEqual([
      `Check: ${EN.completed}`,
      `Personal data: ${EN.completed}`,
      `Reasons for residence: ${EN.completed}`,
      `Details of reasons: ${EN.completed}`,
      `Documentation: ${EN.inProgress}`,
      `Fees and payment: ${EN.cannotStart}`,
    ]);
  } finally {
    await context.close();
    await checker.close();
  }
});
