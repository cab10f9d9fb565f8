// What a person would see of the HTML reports (`dossier report --html`), in Debian's Chromium,
// headless, driven by playwright-core (from js/node_modules, as js/ci.sh installs it): every
// page at 1280 px and at a phone's 390 px, screenshotted, and checked for what is on screen:
// not blank, every party's lane and every source there, nothing wider than the window, text
// contrast (WCAG 2 ratios), the pictures' and marks' titles, and no request leaving the file.
//
// MANIFEST: a JSON list of {"html": page, "json": the dossier it shows}; SHOTS: where the
// screenshots and sizes.txt go; CHROMIUM: the browser; DOSSIER_REPO: the repository.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";

const { MANIFEST, SHOTS, CHROMIUM = "/usr/bin/chromium", DOSSIER_REPO } = process.env;
const { chromium } = createRequire(join(DOSSIER_REPO, "js", "package.json"))("playwright-core");
const pages = JSON.parse(readFileSync(MANIFEST, "utf8"));
const WIDTHS = [1280, 390];
const sizes = [];
let browser;
let profile;

before(async () => {
  profile = mkdtempSync(join(tmpdir(), "dossier-pictures-"));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  writeFileSync(join(SHOTS, "sizes.txt"), sizes.join("\n") + "\n");
});

// In the page: the WCAG 2 contrast of every text on screen against what is behind it, and the
// texts below the level (4.5:1, or 3:1 for large text).
function contrastProblems() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      if (e instanceof SVGElement && e.tagName !== "svg") continue; // the picture's own white ground
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const problems = [];
  let checked = 0;
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || ["STYLE", "TITLE", "SCRIPT"].includes(el.tagName) || el.closest("title, desc")) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(el);
    const fg = parse(el instanceof SVGElement ? style.fill : style.color);
    if (!fg) continue;
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const r = ratio(fg, background(el));
    checked += 1;
    if (r < (large ? 3 : 4.5)) problems.push(`${el.tagName} "${el.textContent.trim().slice(0, 40)}": ${r.toFixed(2)}`);
  }
  return { checked, problems };
}

// Everything wrong with the page on screen, in words (empty: nothing).
async function problemsOf(page, name, dossier) {
  const problems = [];
  const check = (ok, what) => { if (!ok) problems.push(what); };
  // Not blank: a title and text.
  const text = await page.evaluate(() => document.body.innerText.trim());
  check(text.length > 200, `blank: ${text.length} characters of text`);
  check(await page.locator("h1").isVisible(), "no title on screen");
  // Every agreement's picture, every party's lane in it and in the table, every source.
  for (const agreement of dossier.agreements ?? []) {
    const svg = page.locator(`svg[id="timeline-${agreement.id}"]`);
    check((await svg.count()) === 1, `no timeline of ${agreement.id}`);
    for (const party of agreement.parties) {
      const lane = svg.locator(`g.party-lane[data-actor="${party.actor}"]`);
      check((await lane.count()) === 1 && (await lane.boundingBox())?.height > 0, `no lane of ${party.actor} on screen`);
      const row = page.locator(`section[id="agreement-${agreement.id}"] tr[data-actor="${party.actor}"]`);
      check((await row.count()) >= 1, `no row of ${party.actor}`);
    }
  }
  for (const source of dossier.sources ?? []) {
    const item = page.locator(`li[id="source-${source.id}"]`);
    check((await item.count()) === 1 && (await item.isVisible()), `source ${source.id} not on screen`);
    if ((await item.count()) === 1) check((await item.innerText()).includes(source.title.slice(0, 20)), `no title for source ${source.id}`);
  }
  // Nothing wider than the window (wide tables and pictures scroll in their own box).
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(scroll <= inner, `overflow: the page is ${scroll} px wide in a ${inner} px window`);
  // Text contrast.
  const contrast = await page.evaluate(contrastProblems);
  check(contrast.checked > 20, `only ${contrast.checked} texts checked`);
  for (const p of contrast.problems) problems.push(`contrast: ${p}`);
  // The pictures say what they show: a labelled image, titled marks, lanes and spans.
  const labels = await page.$$eval("svg.timeline", (svgs) => svgs.map((s) => ({
    role: s.getAttribute("role"),
    label: (s.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim(),
    untitled: [...s.querySelectorAll("g.mark, g.party-lane, rect.span, rect.directed")].filter((m) => !m.querySelector(":scope > title")?.textContent.trim()).length,
  })));
  for (const l of labels) {
    check(l.role === "img" && l.label.length > 20, `an unlabelled picture: ${l.role} "${l.label}"`);
    check(l.untitled === 0, `${l.untitled} marks without a title`);
  }
  check(labels.length === (dossier.agreements ?? []).length, `${labels.length} pictures`);
  return problems;
}

async function open(html, width) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
  const errors = [];
  const requests = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(html).href;
  await page.goto(url);
  return { page, errors, requests, url };
}

for (const { html, json } of pages) {
  const name = basename(html, ".html");
  const dossier = JSON.parse(readFileSync(json, "utf8"));
  for (const width of WIDTHS) {
    test(`${name} at ${width} px`, async () => {
      const { page, errors, requests, url } = await open(html, width);
      assert.deepEqual(await problemsOf(page, name, dossier), [], `${name} at ${width} px`);
      // Nothing fetched but the page itself.
      for (const r of requests) assert.ok(r === url || r.startsWith("data:"), `${name}: requested ${r}`);
      assert.deepEqual(errors, []);
      const shot = join(SHOTS, `${name}-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      const bytes = statSync(shot).size;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(bytes > 10_000, `${shot}: ${bytes} bytes`);
      sizes.push(`${basename(shot)}\t${width}x${height}\t${bytes} bytes`);
      await page.close();
    });
  }
}

test("the checks see a broken page: pale text, a page too wide, a lane and a source gone", async () => {
  const { html, json } = pages.find((p) => p.html.includes("north-atlantic")) ?? pages[0];
  const dossier = JSON.parse(readFileSync(json, "utf8"));
  const { page } = await open(html, 390);
  await page.evaluate(() => {
    const pale = document.createElement("p");
    pale.textContent = "pale grey words on white";
    pale.style.color = "#c8c8c8";
    document.querySelector("main").append(pale);
    const wide = document.createElement("div");
    wide.style.width = "900px";
    wide.textContent = "wide";
    document.querySelector("main").append(wide);
    document.querySelector("g.party-lane")?.remove();
    document.querySelector("li.source")?.remove();
    document.querySelector("g.mark > title")?.remove();
  });
  const found = (await problemsOf(page, "broken", dossier)).join("\n");
  for (const expected of [/contrast: P "pale grey words/, /overflow: the page is \d+ px wide/, /no lane of /, /source .* not on screen/, /1 marks without a title/]) {
    assert.match(found, expected);
  }
  await page.close();
});
