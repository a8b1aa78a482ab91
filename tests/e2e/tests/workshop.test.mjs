// A trainer creates a workshop; a candidate joins with the code and a
// nickname, submits and asks for help; the trainer sees them in the live view,
// answers the help request, and comments on a line of the submission.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, finalVerdict, launch, login, newPage, screenshot, setCode, unique } from '../lib/app.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('trainer creates a workshop and sees the candidate in the live view', async (t) => {
  const trainer = await newPage(browser, { lang: 'en' });
  await login(trainer, 'mikko', 'mikko-demo');
  await trainer.goto(`${BASE}/workshops`);
  await trainer.getByRole('link', { name: 'New workshop' }).click();
  const title = `Monday workshop ${unique()}`;
  await trainer.fill('#ws-title', title);
  await trainer.fill('#ws-filter', 'hello');
  await trainer.locator('.pick-list input[value="hello"]').check();
  await screenshot(trainer, 'workshop-1-create');
  await trainer.getByRole('button', { name: 'Create workshop' }).click();
  await trainer.waitForURL(/\/workshops\/[^/]+\/live$/);
  const code = (await trainer.locator('.join-banner .join-code').textContent()).trim();
  assert.match(code, /^[A-Z0-9-]{4,}$/);
  await trainer.locator('.live-table').or(trainer.getByText('No one has joined yet')).first().waitFor();
  const liveUrl = trainer.url();

  // The candidate joins with the code and a nickname.
  const nickname = `Yusuf ${unique()}`;
  const candidate = await newPage(browser, { lang: 'en' });
  await login(candidate, 'yusuf', 'yusuf-demo');
  await candidate.getByRole('link', { name: 'Join a workshop' }).click();
  await candidate.fill('#join-code', code);
  await candidate.fill('#join-nickname', nickname);
  await candidate.getByRole('button', { name: 'Join', exact: true }).click();
  await candidate.waitForSelector('.exercise-grid a');
  await screenshot(candidate, 'workshop-2-joined');

  // The trainer's live view shows the candidate (it refreshes by itself).
  await trainer.waitForSelector(`.live-table tr[data-username="yusuf"]`, { timeout: 20000 });
  assert.match(await trainer.textContent('.live-table'), new RegExp(nickname));

  // The candidate submits and asks for help.
  await candidate.locator('.exercise-grid a').first().click();
  await candidate.waitForSelector('.cm-content');
  await candidate.selectOption('#language-select', 'python');
  await setCode(candidate, 'print("Hello?")\n');
  await candidate.getByRole('button', { name: 'Submit', exact: true }).click();
  assert.equal(await finalVerdict(candidate), 'wrong_answer');
  const submissionHref = await candidate.getAttribute('.results-head a', 'href');
  const submissionId = decodeURIComponent(submissionHref.split('/').pop());
  await candidate.getByRole('button', { name: 'I need help' }).click();
  await candidate.fill('#help-msg', 'My output has the wrong greeting');
  await candidate.getByRole('button', { name: 'Send', exact: true }).click();
  await candidate.waitForSelector('.help-sent');
  await screenshot(candidate, 'workshop-3-help-asked');

  // The trainer sees the attempt, the failing test and the help request, and answers it.
  await trainer.waitForFunction(() => document.querySelector('.help-queue li') !== null, null, { timeout: 20000 });
  await trainer.waitForFunction(() => /wrong_answer/.test(document.querySelector('tr[data-username="yusuf"]')?.textContent ?? ''), null, { timeout: 20000 });
  assert.match(await trainer.textContent('.help-queue'), /wrong greeting/);
  await screenshot(trainer, 'workshop-4-live-view');
  await trainer.getByRole('button', { name: 'Mark as helped' }).first().click();
  await trainer.waitForSelector('text=No one is waiting for help.');

  // Extra time for one person, no reason asked.
  await trainer.locator('tr[data-username="yusuf"] [data-extra="yusuf"]').click();
  await trainer.locator('tr[data-username="yusuf"] select').selectOption('15');
  await trainer.locator('tr[data-username="yusuf"]').getByRole('button', { name: 'Give' }).click();
  await trainer.waitForSelector('text=got 15 more minutes');

  // A member who mistyped their password too often gets in at once when the trainer unlocks them.
  await trainer.locator('tr[data-username="yusuf"] [data-unlock]').click();
  await trainer.waitForSelector('text=can try passwords again at once');

  // The trainer opens the candidate's latest submission from the room's row and comments on a line.
  await trainer.locator('tr[data-username="yusuf"]').getByRole('link', { name: 'Open last submission' }).click();
  await trainer.waitForURL(new RegExp(`/submissions/${submissionId}$`));
  await trainer.waitForSelector('.codeview');
  await trainer.getByRole('button', { name: 'Comment on line 1' }).click();
  await trainer.fill('#comment-1', 'Look at the greeting word in the example.');
  await trainer.getByRole('button', { name: 'Send', exact: true }).click();
  await trainer.waitForSelector('.thread .comment-text');
  await screenshot(trainer, 'workshop-5-trainer-comment');

  // The candidate sees the comment beside the line and answers it.
  await candidate.goto(`${BASE}${submissionHref}`);
  await candidate.waitForSelector('.thread .comment-text');
  assert.match(await candidate.textContent('.thread'), /greeting word/);
  await candidate.getByRole('button', { name: 'Answer' }).click();
  await candidate.fill('#comment-1', 'Thanks, fixed it!');
  await candidate.getByRole('button', { name: 'Send', exact: true }).click();
  await candidate.waitForFunction(() => document.querySelectorAll('.thread .comment').length >= 2);
  await screenshot(candidate, 'workshop-6-candidate-answer');
  await trainer.goto(liveUrl);
  assert.deepEqual(trainer.errors, []);
  assert.deepEqual(candidate.errors, []);
  await trainer.context().close();
  await candidate.context().close();
});
