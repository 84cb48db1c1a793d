// Opens the ops page in headless chromium, waits until it shows a consumer group with its lag and the given dead
// letter, and keeps a screenshot. Usage: node ops-page.mjs <edge-url> <group> <dead-letter-key> <screenshot.png>
// Exits 0 when the page shows both, 1 otherwise (saying what was missing).
import { chromium } from 'playwright-core';

const [edgeUrl, group, deadLetterKey, screenshot, token] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // The operator's token in the fragment: the page keeps it for its calls; a fragment never reaches a server log.
  await page.goto(`${edgeUrl}/ops#token=${token}`);
  const groupRow = page.locator(`#groups tr[data-group="${group}"]`);
  await groupRow.waitFor({ timeout: 20000 });
  const lag = (await groupRow.locator('td.lag').textContent()).trim();
  if (!/^\d+$/.test(lag)) throw new Error(`group ${group} shows no lag figure (got "${lag}")`);
  const deadLetter = page.locator('#deadletters tr', { hasText: deadLetterKey });
  await deadLetter.first().waitFor({ timeout: 20000 });
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`ops page shows ${group} with lag ${lag} and the dead letter keyed ${deadLetterKey}`);
} catch (e) {
  console.error(`ops page check failed: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
