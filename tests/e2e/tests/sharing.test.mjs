// Sharing with consent: a candidate shares her results with a company; the company sees the
// anonymised report; the candidate revokes and the company can no longer see it. The demo's
// own shared candidate shows a report with judged exercises and code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, login, newPage, screenshot } from '../lib/app.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('candidate shares with a company, the company sees the report, the candidate revokes', async () => {
  const candidate = await newPage(browser, { lang: 'en' });
  await login(candidate, 'aino', 'aino-demo');
  await candidate.getByRole('link', { name: 'Sharing' }).click();
  await candidate.waitForSelector('#share-company');
  await candidate.selectOption('#share-company', 'sari');
  await candidate.getByRole('button', { name: 'Share with this company' }).click();
  const card = candidate.locator('li.share[data-kind="company"]');
  await card.first().waitFor();
  const share = await card.first().getAttribute('data-share');
  await screenshot(candidate, 'sharing-1-shared');

  // The company sees her, anonymised, and opens the report.
  const company = await newPage(browser, { lang: 'en' });
  await login(company, 'sari', 'sari-demo');
  await company.getByRole('link', { name: 'Candidates' }).click();
  const link = company.locator(`li.candidate-card[data-share="${share}"] h2 a`);
  await link.waitFor();
  assert.equal((await link.textContent()).trim(), `Candidate ${share}`);
  await link.click();
  await company.waitForSelector(`.report[data-share="${share}"]`);
  assert.match(await company.textContent('.report'), /anonymous until they accept/);
  assert.doesNotMatch(await company.textContent('main'), /aino/i, 'the name is not shown before contact');
  await screenshot(company, 'sharing-2-company-report');

  // Who has seen it.
  await candidate.reload();
  await candidate.waitForSelector('.views-table');
  assert.match(await candidate.textContent('.views-table'), /sari/);

  // The candidate revokes; the company's next look finds nothing.
  await candidate.locator(`li.share[data-share="${share}"] button.revoke`).click();
  await candidate.locator(`li.share[data-share="${share}"]`).waitFor({ state: 'detached' });
  await company.reload();
  await company.getByText('There is no candidate with that number').waitFor();
  assert.equal(await company.locator('.report').count(), 0);
  await company.goto(`${BASE}/company`);
  await company.waitForSelector('li.candidate-card, .page .muted');
  assert.equal(await company.locator(`li.candidate-card[data-share="${share}"]`).count(), 0);
  await screenshot(company, 'sharing-3-revoked');
  assert.deepEqual(candidate.errors, []);
  assert.deepEqual(company.errors, []);
});

test('the demo company sees the demo candidate with judged exercises and code', async () => {
  const company = await newPage(browser, { lang: 'fi' });
  await login(company, 'sari', 'sari-demo', 'fi');
  await company.goto(`${BASE}/company`);
  const first = company.locator('li.candidate-card h2 a').first();
  await first.waitFor();
  await first.click();
  // The demo attempts are judged when the server starts; wait for them.
  for (let i = 0; i < 60 && (await company.locator('.evidence').count()) === 0; i++) {
    await company.waitForTimeout(1000);
    await company.reload();
    await company.waitForSelector('.report');
  }
  assert.ok(await company.locator('.evidence').count() > 0, 'the demo report shows solved exercises');
  await company.locator('.evidence button[aria-expanded]').first().click();
  await company.waitForSelector('.evidence .codeview .code-line');
  assert.ok(await company.locator('.evidence .timeline li').count() >= 1);
  await screenshot(company, 'sharing-4-demo-report');
  assert.deepEqual(company.errors, []);
});

test('a company builds a timed trial; the candidate opens the invitation; the results list her', async () => {
  const company = await newPage(browser, { lang: 'en' });
  await login(company, 'sari', 'sari-demo');
  await company.getByRole('link', { name: 'Trials' }).click();
  await company.fill('#trial-title', 'Backend trial');
  await company.fill('#trial-minutes', '45');
  await company.fill('#trial-filter', 'hello');
  await company.locator('.pick-list input[value="hello"]').check();
  await company.getByRole('button', { name: 'Create the trial' }).click();
  await company.waitForURL(/\/trials\/\d+$/);
  const resultsUrl = company.url();
  await company.getByText('Nobody has opened the invitation yet.').waitFor();
  await company.goto(`${BASE}/trials`);
  const invite = await company.locator('.trial-card input').first().inputValue();
  assert.match(invite, /\/trials\/open\/[0-9a-f]+$/);

  // The candidate follows the link, logs in, and starts; her time runs from now.
  const candidate = await newPage(browser, { lang: 'en' });
  await candidate.goto(invite);
  await candidate.waitForSelector('#login-username');
  await candidate.click('.lang-switch button[lang=en]');
  await candidate.fill('#login-username', 'yusuf');
  await candidate.fill('#login-password', 'yusuf-demo');
  await candidate.click('form button[type=submit]');
  await candidate.getByRole('button', { name: 'Start the trial' }).click();
  await candidate.getByRole('timer').waitFor();
  assert.match(await candidate.textContent('[role=timer]'), /Time left: 4[45]:/);
  await screenshot(candidate, 'trial-1-started');

  await company.goto(resultsUrl);
  await company.waitForSelector('.trial-table tr[data-username="yusuf"]');
  await screenshot(company, 'trial-2-results');
  assert.deepEqual(candidate.errors, []);
  assert.deepEqual(company.errors, []);
});
