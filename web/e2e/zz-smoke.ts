import { launchBrowser, startConfer, ensureWebBuilt } from "./harness.ts";
async function main(){
ensureWebBuilt();
const server = await startConfer();
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.signInLink);
await page.getByRole('heading', { name: 'Meetings' }).waitFor();
for (const [path, name] of [['/admin','dep'],['/admin/policy','pol'],['/admin/users','usr'],['/admin/lifecycle','lc'],['/admin/audit','aud']]) {
  await page.goto(server.url + path);
  await page.locator('h1').waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/adm/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/adm/${name}-phone.png`, fullPage: false });
  console.log(path, await page.evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth ? [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > 391).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent||'').slice(0,30)).slice(0,5).join(' | ') : 'ok'`));
  await page.setViewportSize({ width: 1280, height: 860 });
}
console.log('errors', browser.consoleErrors(page));
await browser.close(); await server.stop();
}
main();
