import { test, expect, waitForMail, extractLinks, mailMark } from '../lib/fixtures.js';
test('probe forgot-password mail', async ({ page, server }) => {
  const out = server.serverOutput();
  const pw = out.match(/password for all: (\S+)\)/)[1];
  console.log('demo password', pw);
  const mark = mailMark();
  await page.goto('/password/forgot');
  console.log((await page.locator('main form').first().innerHTML()).replace(/\s+/g, ' ').slice(0, 800));
  await page.getByLabel(/e-?mail/i).first().fill('applicant@demo.eforeigner.test');
  await page.locator('main form button[type=submit], main form input[type=submit]').first().click();
  const mail = await waitForMail({ to: 'applicant@demo.eforeigner.test', after: mark, timeoutMs: 20000 });
  console.log(JSON.stringify({ subject: mail.subject, from: mail.from, to: mail.to, text: mail.text.slice(0, 600) }, null, 1));
  console.log(extractLinks(mail.text), extractLinks(mail.html));
  console.log(mail.raw.split('\n').slice(0, 25).join('\n'));
});
