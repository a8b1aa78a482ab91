// A beginner runs a robot program that turns the wrong way on the examples of "Robot, walk to
// the goal", watches the replay stop at the wall, steps back and forward by keyboard and reads
// the moves as text; the submission page shows the replay too; the same at phone width in
// Finnish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, finalVerdict, launch, login, newPage, PHONE, screenshot, setCode } from '../lib/app.mjs';

// Turns left (north) instead of right: in the example the robot walks into the north wall.
const TURNS_LEFT = `words = input().split()
dx = int(words[1])
dy = int(words[2])
for step in range(dx):
    print("FORWARD")
print("LEFT")
for step in range(abs(dy)):
    print("FORWARD")
`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The step line of the replay ("Step 6 of 6 · Turn 5 · Your program: FORWARD"). */
async function stepText(page) {
  return (await page.textContent('.replay .replay-step')).replace(/\s+/g, ' ').trim();
}

async function runWrongRobot(page) {
  await page.goto(`${BASE}/exercises/robot-walk`);
  await page.waitForSelector('.cm-content');
  await page.selectOption('#language-select', 'python');
  await setCode(page, TURNS_LEFT);
}

test('games: the replay of a robot that walks into a wall, by keyboard and as text', async () => {
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'aino', 'aino-demo');
  await runWrongRobot(page);
  await page.getByRole('button', { name: 'Run on the examples' }).click();
  assert.equal(await finalVerdict(page), 'wrong_answer');

  // The replay plays at once and stops at the wall: the last step, marked as the failure.
  const replay = page.locator('section.replay');
  await replay.waitFor();
  assert.match(await page.textContent('.replay-title'), /Walk to the goal/);
  await page.waitForFunction(() => /Step 6 of 6/.test(document.querySelector('.replay .replay-step')?.textContent ?? ''),
    null, { timeout: 20000 });
  assert.equal(await stepText(page), 'Step 6 of 6 · Turn 5 · Your program: FORWARD');
  assert.match(await page.textContent('.replay-failure'), /Here it went wrong: Command 5: the robot walked north into a wall at \(4, 0\)/);
  assert.equal(await page.locator('.replay-svg .replay-fail').count(), 1, 'the wall hit is marked in the picture');
  assert.match(await page.getAttribute('.replay-stage', 'aria-label'), /The robot at \(4, 1\), facing north/);
  assert.equal(await page.getAttribute('.replay-controls button.replay-play', 'aria-label'), 'Play');
  await screenshot(page, 'games-1-replay-at-the-wall');

  // Back and forward by keyboard: Enter on the buttons, and the arrow keys.
  await page.getByRole('button', { name: 'Step back' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await stepText(page), 'Step 5 of 6 · Turn 4 · Your program: LEFT');
  assert.equal(await page.locator('.replay-failure').count(), 0);
  assert.equal(await page.locator('.replay-svg .replay-fail').count(), 0);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await stepText(page), 'Step 4 of 6 · Turn 3 · Your program: FORWARD');
  await page.keyboard.press('Home');
  assert.equal(await stepText(page), 'Step 1 of 6 · Turn 0 · the start');
  await page.keyboard.press('ArrowRight');
  assert.equal(await stepText(page), 'Step 2 of 6 · Turn 1 · Your program: FORWARD');
  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  assert.equal(await stepText(page), 'Step 4 of 6 · Turn 3 · Your program: FORWARD');
  await page.getByRole('slider', { name: 'Step of the replay' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await stepText(page), 'Step 5 of 6 · Turn 4 · Your program: LEFT');
  await page.keyboard.press('End');
  assert.match(await stepText(page), /^Step 6 of 6/);
  assert.equal(await page.locator('.replay-failure').count(), 1);

  // The text alternative: every move and the failure, as a list.
  await page.locator('.replay-text summary').focus();
  await page.keyboard.press('Enter');
  const items = page.locator('.replay-list li');
  assert.equal(await items.count(), 6);
  const moves = (await items.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
  assert.match(moves[0], /^Turn 0 · the start — The robot starts facing east\./);
  assert.deepEqual(moves.slice(1, 5), ['Turn 1 · Your program: FORWARD', 'Turn 2 · Your program: FORWARD',
    'Turn 3 · Your program: FORWARD', 'Turn 4 · Your program: LEFT']);
  assert.match(moves[5], /^Turn 5 · Your program: FORWARD — Command 5: the robot walked north into a wall at \(4, 0\)\. ✗ Here it went wrong$/);
  assert.equal(await page.getAttribute('.replay-list li:nth-child(6)', 'aria-current'), 'step');
  assert.match(await page.textContent('.replay-outcome'), /Did not succeed/);
  await screenshot(page, 'games-2-moves-as-text');
  await checkA11y(page, 'games-replay');

  // Submitted, the same program's replay is on the submission page, stopped where it failed.
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  assert.equal(await finalVerdict(page), 'wrong_answer');
  await page.getByRole('link', { name: 'Open the submission' }).click();
  await page.waitForSelector('.codeview');
  await page.waitForSelector('section.replay');
  assert.match(await stepText(page), /^Step 6 of 6 · Turn 5 · Your program: FORWARD/);
  assert.equal(await page.locator('section.replay').count(), 1, 'only the sample\'s replay: secret tests give no feedback');
  await checkA11y(page, 'games-submission');
  await screenshot(page, 'games-3-submission');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('games: the replay fits a phone, in Finnish', async () => {
  const page = await newPage(browser, { lang: 'fi', viewport: PHONE });
  await login(page, 'aino', 'aino-demo', 'fi');
  await runWrongRobot(page);
  await page.getByRole('button', { name: 'Aja esimerkeillä' }).click();
  assert.equal(await finalVerdict(page), 'wrong_answer');
  await page.waitForSelector('section.replay');
  await page.getByRole('button', { name: 'Loppuun' }).click();
  assert.match(await stepText(page), /^Vaihe 6\/6 · Vuoro 5 · Ohjelmasi: FORWARD/);
  assert.match(await page.textContent('.replay-failure'), /Tässä meni vikaan: Komento 5: robotti käveli pohjoiseen seinään/);
  await page.locator('section.replay').scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
  const picture = await page.locator('.replay-svg').boundingBox();
  assert.ok(picture && picture.width >= 250 && picture.x >= 0 && picture.x + picture.width <= PHONE.width,
    `the picture fits the screen: ${JSON.stringify(picture)}`);
  for (const name of ['Alkuun', 'Askel taaksepäin', 'Toista', 'Askel eteenpäin']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width && box.height >= 36, `${name}: ${JSON.stringify(box)}`);
  }
  await page.getByRole('button', { name: 'Askel taaksepäin' }).click();
  assert.match(await stepText(page), /^Vaihe 5\/6 · Vuoro 4 · Ohjelmasi: LEFT/);
  await screenshot(page, 'games-4-phone');
  await checkA11y(page, 'games-replay-phone');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
