// The offline page (js/page) in Debian's Chromium, headless, driven by playwright-core: a valid
// and an invalid dossier, one pasted and one dropped, checked from the DOM (every issue listed
// with its path, each path's place highlighted) and from screenshots.
//
// PAGE_DIR is the page with the installed package beside it (js/ci.sh assembles it), CHROMIUM
// the browser, SHOTS where the screenshots go. The page is served from those files on a port of
// 127.0.0.1 (browsers load no ES module from file://); it fetches nothing else.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";
import { validate } from "defense-agreements";

const { PAGE_DIR, CHROMIUM = "/usr/bin/chromium", SHOTS, DOSSIER_REPO } = process.env;
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

let server;
let origin;
let context;
let profile;
const requests = [];

before(async () => {
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(PAGE_DIR, path === "/" ? "index.html" : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  profile = mkdtempSync(join(tmpdir(), "dossier-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
  });
  // Everything the page asks for must come from the page's own files.
  context.on("request", (r) => requests.push(r.url()));
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open() {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector("body[data-ready=true]");
  return { page, errors };
}

const read = (file) => readFileSync(join(DOSSIER_REPO, file), "utf8");

test("a valid dossier, pasted: no issue listed, nothing highlighted", async () => {
  const { page, errors } = await open();
  await page.fill("#text", read("examples/data/manila-pact-1954.json"));
  await page.click("#check");
  await page.waitForSelector("#summary[data-state=valid]");
  assert.equal(await page.textContent("#summary"), "Valid: no issue.");
  assert.equal(await page.locator("#issues li").count(), 0);
  assert.equal(await page.locator("#document mark").count(), 0);
  assert.match(await page.textContent("#document"), /"manila-pact"/);
  const shot = join(SHOTS, "page-valid.png");
  await page.screenshot({ path: shot, fullPage: true });
  assert.ok(statSync(shot).size > 20_000);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an invalid dossier, dropped as a file: every issue listed with its path and highlighted", async () => {
  // The seed with three mistakes: a signer no person record has, a signing date after the
  // entry into force, and a troop presence in a country that is no code.
  const doc = JSON.parse(read("examples/data/iran-syria-2020.json"));
  doc.agreements[0].signatures[0].signer = "nobody";
  doc.agreements[0].parties[0].actor = "atlantis";
  doc.sources[0].accessed = "1999-01-01";
  const source = JSON.stringify(doc, null, 2);
  const expected = validate(source).issues;
  assert.ok(expected.length >= 3, `${expected.length} issues`);
  const { page, errors } = await open();
  // A drop event carrying the file, as the browser makes one when a file is dropped.
  await page.evaluate(
    ([name, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type: "application/json" }));
      document.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    ["mistakes.json", source],
  );
  await page.waitForSelector("#summary[data-state=invalid]");
  const listed = await page.$$eval("#issues li", (items) => items.map((li) => ({ path: li.dataset.path, code: li.dataset.code, text: li.textContent })));
  assert.deepEqual(
    listed.map((i) => `${i.code} ${i.path}`).sort(),
    expected.map((e) => `${e.code} ${e.path}`).sort(),
  );
  for (const issue of listed) assert.ok(issue.text.includes(issue.path), issue.text);
  // Each issue's place is marked, and the mark holds the text at that JSON Pointer.
  for (const [n, issue] of listed.entries()) {
    const marked = await page.$eval(`#document mark[data-issues~="${n}"]`, (m) => m.textContent);
    const last = issue.path.split("/").pop();
    assert.ok(marked.includes(`"${last}"`) || /^\d+$/.test(last), `${issue.path}: ${marked}`);
  }
  assert.equal(await page.inputValue("#text"), source);
  // Clicking an issue brings its mark forward.
  await page.click("#issues li >> nth=0");
  assert.equal(await page.locator("mark.current").count(), 1);
  const shot = join(SHOTS, "page-invalid.png");
  await page.screenshot({ path: shot, fullPage: true });
  assert.ok(statSync(shot).size > 20_000);
  // The screenshot shows the highlight: the error colour (#ffc9c9) is among its pixels.
  const red = await page.evaluate(async (png) => {
    const image = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: "image/png" }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, image.width, image.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 0xff && data[i + 1] === 0xc9 && data[i + 2] === 0xc9) n += 1;
    return n;
  }, readFileSync(shot).toString("base64"));
  assert.ok(red > 200, `${red} highlighted pixels`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the page fetched nothing but its own files", () => {
  assert.ok(requests.length >= 5);
  for (const url of requests) assert.ok(url.startsWith(origin), url);
});
