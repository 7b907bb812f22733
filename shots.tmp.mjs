import { chromium } from "playwright-core";
const base = "http://127.0.0.1:8099";
const out = process.argv[2] ?? "/tmp/pgshots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--no-first-run"] });
const sizes = [[390, 844], [1280, 800]];
for (const [width, height] of sizes) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(base);
  await page.locator("#person option").nth(5).waitFor({ state: "attached" });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}-${width}-intro.png` });
  if (await page.isVisible("#intro-close")) await page.click("#intro-close");
  await page.selectOption("#person", "700000002");
  await page.click('button[data-chat="group"]');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}-${width}-buca-group.png` });
  const metrics = await page.evaluate(() => ({
    header: document.querySelector(".topbar").getBoundingClientRect().height,
    scrollWidth: document.documentElement.scrollWidth,
    selectOverflow: (() => { const s = document.querySelector("#person"); return [s.scrollWidth, s.clientWidth]; })(),
    brokenButtons: [...document.querySelectorAll(".inline-button")].filter((b) => { const r = document.createRange(); r.selectNodeContents(b); return r.getClientRects().length > 1 && !/\s/.test(b.textContent.trim()); }).map((b) => b.textContent),
  }));
  console.log(width, JSON.stringify(metrics));
  await page.selectOption("#person", "700000001");
  await page.click('button[data-chat="group"]');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}-${width}-coord-group.png` });
  await page.close();
}
await browser.close();
