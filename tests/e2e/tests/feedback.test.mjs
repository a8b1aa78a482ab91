// Feedback a beginner can act on (issue 17), in Finnish and in English: the program's own
// output beside the expected output with the first difference marked, stderr apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, finalVerdict, launch, login, newPage, screenshot, setCode } from '../lib/app.mjs';

const TEXT = {
  en: { run: 'Run on the examples', submit: 'Submit', diff: 'First difference: line 1, column 1.', stderr: 'Error output (stderr)' },
  fi: { run: 'Aja esimerkeillä', submit: 'Lähetä', diff: 'Ensimmäinen ero: rivi 1, sarake 1.', stderr: 'Virhetuloste (stderr)' },
};
const BYE = 'import sys\nname = input().strip()\nprint(f"Goodbye, {name}!")\nprint("debug: read", name, file=sys.stderr)\n';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openHello(lang) {
  const page = await newPage(browser, { lang });
  await login(page, 'aino', 'aino-demo', lang);
  await page.goto(`${BASE}/exercises/hello`);
  await page.waitForSelector('.cm-content');
  await page.selectOption('#language-select', 'python');
  return page;
}

for (const lang of ['en', 'fi']) {
  test(`feedback (${lang}): the program's output beside the expected output, the difference marked`, async () => {
    const page = await openHello(lang);
    await setCode(page, BYE);
    await page.getByRole('button', { name: TEXT[lang].run }).click();
    assert.equal(await finalVerdict(page), 'wrong_answer');
    const row = page.locator('.test-row').first();
    assert.match(await row.locator('.compare-printed').textContent(), /Goodbye, World!/);
    assert.match(await row.locator('.compare-expected').textContent(), /Hello, World!/);
    assert.match(await row.locator('.compare-printed mark.diff-at').textContent(), /^Goodbye, World!/);
    assert.match(await row.locator('.compare-expected mark.diff-at').textContent(), /^Hello, World!/);
    assert.equal((await row.locator('.diff-note').textContent()).trim(), TEXT[lang].diff);
    const stderr = await row.locator('.compare-stderr').textContent();
    assert.ok(stderr.includes(TEXT[lang].stderr), stderr);
    assert.match(stderr, /debug: read World/);
    await screenshot(page, `feedback-wrong-answer-${lang}`);
    await checkA11y(page, `feedback-wrong-answer-${lang}`);

    // A submission: the secret tests show no output, expected output or stderr.
    await page.getByRole('button', { name: TEXT[lang].submit, exact: true }).click();
    assert.equal(await finalVerdict(page), 'wrong_answer');
    const secret = page.locator('.test-row', { hasText: 'secret' });
    for (let i = 0; i < await secret.count(); i++) {
      assert.equal(await secret.nth(i).locator('.compare-printed, .compare-expected, .compare-stderr').count(), 0);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
