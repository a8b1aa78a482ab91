// A team project in the browser: two members of a team edit files of their repository and
// commit; the one whose page was behind is told someone else committed first, reloads and
// commits again; the history shows both. A member judges the latest commit and the judgings
// list shows its verdict, the contribution table both members, and a reflection is read by the
// other member. The team page passes axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch, login, newPage, screenshot, setCode, unique } from '../lib/app.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The API as `username` (bearer token): call(method, path, body) -> {status, body}. */
async function apiAs(username) {
  const session = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-demo` }),
  });
  assert.equal(session.status, 200, `${username} logs in`);
  const { token } = await session.json();
  return async (method, path, body) => {
    const res = await fetch(`${BASE}${path}`, {
      method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
}

/** A new project on the laundry-booking package in the demo workshop, with a team of aino
 *  and yusuf; the team's id. */
async function formTeam() {
  for (const who of ['aino', 'yusuf']) {
    const as = await apiAs(who);
    const joined = await as('POST', '/api/v1/workshops/join', { code: 'DEMO42', nickname: who });
    assert.ok([200, 409].includes(joined.status), JSON.stringify(joined.body));
  }
  const mikko = await apiAs('mikko');
  const workshops = await mikko('GET', '/api/v1/workshops');
  const workshop = workshops.body.find((w) => w.join_code === 'DEMO42');
  assert.ok(workshop, 'the demo workshop');
  const project = await mikko('POST', `/api/v1/workshops/${workshop.id}/projects`, { exercise: 'laundry-booking', title: `Laundry ${unique()}` });
  assert.equal(project.status, 200, JSON.stringify(project.body));
  const team = await mikko('POST', `/api/v1/projects/${project.body.id}/teams`, { name: `Crew ${unique()}`, members: ['aino', 'yusuf'] });
  assert.equal(team.status, 200, JSON.stringify(team.body));
  return team.body.id;
}

async function openFile(page, name) {
  await page.locator('.file-tree-file', { hasText: name }).first().click();
  await page.waitForFunction((n) => document.querySelector('.team-editor .file-name')?.textContent?.endsWith(n), name);
  await page.waitForSelector('.team-editor .cm-content');
}

test('two members edit files in the browser and commit; the history shows both', async () => {
  const team = await formTeam();
  const aino = await newPage(browser, { lang: 'en' });
  await login(aino, 'aino', 'aino-demo');
  await aino.goto(`${BASE}/teams/${team}`);
  await aino.locator('.file-tree-file', { hasText: 'bookings.py' }).waitFor();
  // Yusuf opens the page too, before Aino's commit.
  const yusuf = await newPage(browser, { lang: 'en' });
  await login(yusuf, 'yusuf', 'yusuf-demo');
  await yusuf.goto(`${BASE}/teams/${team}`);
  await yusuf.locator('.file-tree-file', { hasText: 'index.html' }).waitFor();

  await openFile(aino, 'bookings.py');
  assert.match(await aino.textContent('.team-editor .cm-content'), /def free_hours/);
  await checkA11y(aino, 'team');
  await setCode(aino, 'OPEN, CLOSE = 7, 21\n\n\ndef free_hours(date):\n    return 200, {"date": date, "free": list(range(OPEN, CLOSE))}\n');
  await aino.fill('#commit-message', 'Free hours of a day');
  await screenshot(aino, 'team-1-edited');
  await aino.getByRole('button', { name: 'Commit', exact: true }).click();
  await aino.getByText(/^Committed [0-9a-f]{8}\.$/).waitFor();
  await aino.locator('.commit-item', { hasText: 'Free hours of a day' }).waitFor();

  // Yusuf's page still has the first commit: he is told to reload, and his change is kept.
  await openFile(yusuf, 'index.html');
  await setCode(yusuf, '<!doctype html>\n<html lang="en"><head><title>Laundry room</title></head>\n<body><h1>Laundry room of Rantakatu 5</h1><form id="booking-form"></form></body></html>\n');
  await yusuf.fill('#commit-message', 'Our address on the front page');
  await yusuf.getByRole('button', { name: 'Commit', exact: true }).click();
  await yusuf.getByText('Someone else committed first. Reload the files and make your change again.').waitFor();
  await checkA11y(yusuf, 'team-stale');
  await screenshot(yusuf, 'team-2-stale');
  await yusuf.getByRole('button', { name: 'Reload the files' }).click();
  await yusuf.getByText('Your changes were kept.', { exact: false }).waitFor();
  await yusuf.getByRole('button', { name: 'Commit', exact: true }).click();
  await yusuf.getByText(/^Committed [0-9a-f]{8}\.$/).waitFor();

  // A new file, then the history of both members' commits, newest first.
  await yusuf.fill('#new-file', 'static/style.css');
  await yusuf.getByRole('button', { name: 'Add file' }).click();
  await setCode(yusuf, 'body { font-family: sans-serif; }\n');
  await yusuf.fill('#commit-message', 'A style sheet');
  await yusuf.getByRole('button', { name: 'Commit', exact: true }).click();
  await yusuf.locator('.commit-item', { hasText: 'A style sheet' }).waitFor();
  const history = await yusuf.locator('.commit-item').allTextContents();
  assert.equal(history.length, 4, history.join('\n'));
  assert.match(history[0], /A style sheet[\s\S]*yusuf[\s\S]*static\/style\.css/);
  assert.match(history[1], /Our address on the front page[\s\S]*yusuf[\s\S]*static\/index\.html/);
  assert.match(history[2], /Free hours of a day[\s\S]*aino[\s\S]*bookings\.py/);
  await checkA11y(yusuf, 'team-history');
  await screenshot(yusuf, 'team-3-history');

  // Aino reloads her page and sees Yusuf's files.
  await aino.reload();
  await aino.locator('.file-tree-file', { hasText: 'style.css' }).waitFor();
  await openFile(aino, 'index.html');
  assert.match(await aino.textContent('.team-editor .cm-content'), /Rantakatu 5/);

  // Aino judges the latest commit: the judgings list shows it, by her, with its commit and,
  // once judged, a verdict; the row links to the judging's submission page.
  const head = (await aino.locator('.commit-item code').first().textContent()).trim();
  await aino.getByRole('button', { name: 'Judge the latest commit' }).click();
  const row = aino.locator('.team-judgings tbody tr').first();
  await row.waitFor();
  await aino.waitForFunction(() => {
    const word = document.querySelector('.team-judgings tbody tr td:nth-child(2) .verdict-word')?.textContent;
    return !!word && word !== 'queued' && word !== 'judging';
  }, null, { timeout: 120_000 });
  const judged = await row.textContent();
  assert.match(judged, /aino/);
  assert.ok(judged.includes(head), `${judged} names commit ${head}`);
  assert.match(await row.locator('a').getAttribute('href'), /^\/submissions\/\d+$/);

  // The contribution table has a row per member with their commits.
  const commitsOf = async (who) => Number(await aino.locator('.team-contribution tbody tr', { has: aino.locator('th', { hasText: who }) })
    .locator('td').first().textContent());
  await aino.locator('.team-contribution tbody tr', { hasText: 'yusuf' }).waitFor();
  assert.ok(await commitsOf('aino') >= 1, 'aino has a commit');
  assert.ok(await commitsOf('yusuf') >= 2, 'yusuf has two commits');

  // Aino writes her reflection; Yusuf reads it on his page.
  await aino.fill('#my-reflection', 'I wrote the free hours of a day.');
  await aino.getByRole('button', { name: 'Save', exact: true }).click();
  await aino.getByText('Saved.').waitFor();
  await checkA11y(aino, 'team-evidence');
  await screenshot(aino, 'team-4-evidence');
  await yusuf.reload();
  await yusuf.getByText('I wrote the free hours of a day.').waitFor();
  assert.deepEqual([...aino.errors, ...yusuf.errors], []);
  await aino.context().close();
  await yusuf.context().close();
});
