// After "Request processing", in real browsers, with three people at once: an inspector, the
// applicant and a supervisor, each in a browser context of their own. Every page is checked
// with axe-core (lib/journey.js).
//
//   submitted → processing → updating (the passport scan named, 8 days) → the applicant
//   replaces the named document, sends the corrections without paying → sending data →
//   the inspector takes them up → approved (a numbered decision in the e-Mailbox) → the
//   supervisor opens slots → booking → moving it → biometrics → card ready → card issued;
//   a second request: a rejection proposed by the inspector, confirmed by the supervisor.
//
//   /officer/cases/{id}/update, /resume, /approve, /reject, /reject/confirm   (POST)

import {
  test,
  expect,
  DEMO_PASSWORD,
  INSPECTOR,
  SUPERVISOR,
  activeApplicant,
  go,
  newContext,
  newPerson,
  shift,
  signIn,
  todayUtc,
  visit,
} from '../lib/journey.js';
import { confirmPayments, h1, main, submitApplication } from '../lib/application.js';
import { useTempDir, writePng } from '../lib/testfiles.js';

const tmp = useTempDir(test, 'eforeigner-decisions-');

/** The inspector opens the case of `app` (/applications/{id}) from the queue and takes it. */
async function openAndTake(page, app) {
  const id = app.split('/').pop();
  await visit(page, `/officer/cases/${id}`);
  await go(page, main(page).getByRole('button', { name: 'Take the case' }));
  await expect(main(page)).toContainText('You took the case.');
  return `/officer/cases/${id}`;
}

test('an update, the corrections sent without paying, an approval; and a rejection confirmed by a supervisor', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const person = newPerson('Maryna', 'Shevchenko', 'copper-meadow-lantern-37');
  await activeApplicant(browser, baseURL, person);
  await signIn(page, person.email, person.password);
  const app = await submitApplication(page, person);
  const second = await submitApplication(page, person);
  await confirmPayments(browser, baseURL, [app, second]);

  const officer = await newContext(browser, baseURL);
  const boss = await newContext(browser, baseURL);
  try {
    const o = await officer.newPage();
    await signIn(o, INSPECTOR, DEMO_PASSWORD);
    const caseUrl = await openAndTake(o, app);

    // A request for an update with nothing named is refused, with what was typed kept.
    await o.locator('#message').fill('The passport scan is unreadable. Upload a sharper scan.');
    await go(o, main(o).getByRole('button', { name: 'Send the request for an update' }), { status: 422 });
    await expect(main(o).locator('.error-summary')).toContainText('Name at least one step or document');
    await expect(o.locator('#message')).toHaveValue('The passport scan is unreadable. Upload a sharper scan.');
    await main(o).getByRole('checkbox', { name: /^Scan of the passport/ }).check();
    await expect(o.locator('#days')).toHaveValue('8');
    await go(o, main(o).getByRole('button', { name: 'Send the request for an update' }));
    await expect(main(o)).toContainText('The request for an update was sent');
    await expect(main(o).locator('.status')).toContainText('Request updating');
    await expect(main(o)).toContainText('8 days left');

    // The applicant: the letter and the days left; only the passport scan can change.
    await visit(page, app);
    await expect(main(page).locator('.status')).toContainText('Request updating');
    await expect(main(page)).toContainText('8 days left');
    await expect(main(page)).toContainText('The passport scan is unreadable.');
    await go(page, main(page).getByRole('link', { name: '5. Documentation' }));
    await expect(main(page)).toContainText('The inspector did not ask for this document');
    const scan = main(page).getByRole('region', { name: /^Scan of the passport/ });
    await scan.getByLabel(/^Choose files/).setInputFiles(writePng(tmp('sharper-scan.png')).path);
    await go(page, scan.getByRole('button', { name: /^Upload/ }));
    await expect(scan).toContainText('sharper-scan.png');
    await go(page, main(page).getByRole('button', { name: 'Save and continue' }));
    await go(page, main(page).getByRole('link', { name: 'Check your answers and send the corrections' }));
    await expect(h1(page)).toHaveText('Check your answers before submitting');
    await expect(main(page)).toContainText('You do not pay again.');
    await main(page).getByLabel(/I declare/).check();
    await go(page, main(page).getByRole('button', { name: 'Send the corrections' }));
    await expect(main(page).locator('.status')).toContainText('Sending data in progress');

    // The inspector takes the corrections up and approves: a numbered decision.
    await visit(o, caseUrl);
    await go(o, main(o).getByRole('button', { name: 'Take up the corrections' }));
    await expect(main(o).locator('.status')).toContainText('Request processing');
    await go(o, main(o).getByRole('button', { name: 'Approve the request' }));
    await expect(main(o)).toContainText('The request was approved.');
    const number = (await main(o).locator('.letter h3').first().innerText()).split('—').pop().trim();
    expect(number).toMatch(/^BEOGRAD\/\d{4}\/\d{5}$/);

    await visit(page, app);
    await expect(main(page).locator('.status')).toContainText('Request approved');
    await expect(main(page)).toContainText(number);
    await expect(main(page)).toContainText('Invitation to biometrics');
    // The decision reaches the e-Mailbox (a background job).
    await expect.poll(async () => (await (await page.request.get('/mailbox')).text()).includes('Decision: request approved'), { timeout: 60_000 }).toBe(true);
    await visit(page, '/mailbox');

    // Biometrics: the supervisor opens slots; the applicant books, moves the booking; the
    // counter records biometrics, the card ready, the card handed over.
    const s = await boss.newPage();
    await signIn(s, SUPERVISOR, DEMO_PASSWORD);
    await visit(s, '/officer/biometrics');
    await s.locator('#day').fill(shift(todayUtc(), { days: 3 }));
    await s.locator('#from').fill('09:00');
    await s.locator('#until').fill('10:00');
    await s.locator('#minutes').fill('30');
    await s.locator('#capacity').fill('2');
    await go(s, main(s).getByRole('button', { name: 'Open the slots' }));
    await expect(main(s)).toContainText('The slots were opened.');
    await expect(main(s).locator('table tbody tr')).not.toHaveCount(0);

    await visit(page, app);
    await go(page, main(page).getByRole('link', { name: 'Book your biometrics appointment' }));
    await go(page, main(page).getByRole('button', { name: 'Book this time' }), { status: 422 });
    await expect(main(page).locator('.error-summary')).toContainText('Choose a time.');
    await main(page).getByRole('radio').first().check();
    await go(page, main(page).getByRole('button', { name: 'Book this time' }));
    await expect(main(page).locator('.status')).toContainText('Biometrics scheduled');
    await go(page, main(page).getByRole('link', { name: 'Change your appointment' }));
    await main(page).getByRole('radio').first().check();
    await go(page, main(page).getByRole('button', { name: 'Move my appointment' }));
    await expect(main(page)).toContainText('Your appointment:');
    const ics = await page.request.get(`${app}/biometrics.ics`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VEVENT');

    await visit(o, caseUrl);
    await go(o, main(o).getByRole('button', { name: 'Record that biometrics were taken' }));
    await expect(main(o).locator('.status')).toContainText('Card in production');
    await go(o, main(o).getByRole('button', { name: 'Record that the card is ready for collection' }));
    await go(o, main(o).getByRole('button', { name: 'Record that the card was handed over' }));
    await expect(main(o).locator('.status')).toContainText('Card issued');

    // The second request: the inspector proposes a rejection; the supervisor confirms it.
    const secondUrl = await openAndTake(o, second);
    await go(o, main(o).getByRole('button', { name: 'Propose the rejection' }), { status: 422 });
    await expect(main(o).locator('.error-summary')).toContainText('Select at least one ground');
    await main(o).getByRole('checkbox', { name: /will not use the temporary residence for the intended purpose/ }).check();
    await o.locator('#reasoning').fill('The employer does not exist at the address given.');
    await go(o, main(o).getByRole('button', { name: 'Propose the rejection' }));
    await expect(main(o)).toContainText('Rejection proposed, waiting for a supervisor');
    await expect(main(o).getByRole('button', { name: 'Confirm the rejection' })).toHaveCount(0);

    await visit(s, secondUrl);
    await expect(main(s)).toContainText('The employer does not exist at the address given.');
    await go(s, main(s).getByRole('button', { name: 'Confirm the rejection' }));
    await expect(main(s).locator('.status')).toContainText('Request rejected');

    await visit(page, second);
    await expect(main(page).locator('.status')).toContainText('Request rejected');
    await expect(main(page)).toContainText('Legal remedy');
    await expect(main(page)).toContainText('The employer does not exist at the address given.');
  } finally {
    await officer.close();
    await boss.close();
  }
});
