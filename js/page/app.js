// The page: validates the pasted or dropped dossier with the package's browser entry, lists
// every issue with its path, and highlights the place each path names in the document.
import { validate } from "./defense-agreements/browser.js";

const $ = (id) => document.getElementById(id);
const text = $("text");

/** Where each JSON Pointer's value is in `source`: pointer → {start, end}, from the member's
 * key (when it has one) to the end of its value. One pass over the text; stops at the first
 * syntax error, keeping what it found before it. */
export function locate(source) {
  const places = new Map();
  let i = 0;
  const space = () => {
    while (i < source.length && " \t\n\r".includes(source[i])) i += 1;
  };
  const string = () => {
    const start = i;
    i += 1;
    while (i < source.length && source[i] !== '"') i += source[i] === "\\" ? 2 : 1;
    i += 1;
    return JSON.parse(source.slice(start, i));
  };
  const escape = (token) => token.replaceAll("~", "~0").replaceAll("/", "~1");
  const value = (pointer, start) => {
    space();
    const from = start ?? i;
    if (source[i] === "{") {
      i += 1;
      space();
      while (source[i] === '"') {
        const keyStart = i;
        const key = string();
        space();
        if (source[i] !== ":") throw new SyntaxError("expected ':'");
        i += 1;
        value(`${pointer}/${escape(key)}`, keyStart);
        space();
        if (source[i] !== ",") break;
        i += 1;
        space();
      }
      if (source[i] !== "}") throw new SyntaxError("expected '}'");
      i += 1;
    } else if (source[i] === "[") {
      i += 1;
      space();
      for (let n = 0; source[i] !== "]"; n += 1) {
        value(`${pointer}/${n}`);
        space();
        if (source[i] !== ",") break;
        i += 1;
      }
      if (source[i] !== "]") throw new SyntaxError("expected ']'");
      i += 1;
    } else if (source[i] === '"') {
      string();
    } else {
      const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(source.slice(i, i + 400));
      if (!m) throw new SyntaxError("expected a value");
      i += m[0].length;
    }
    places.set(pointer, { start: from, end: i });
  };
  try {
    value("");
  } catch {
    // Keep the places found before the error.
  }
  return places;
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** The document as HTML with a <mark> around each issue's place. A JSON document's places
 * nest or are apart, so the marks nest too; the root ("") is not marked (it is everything). */
function highlighted(source, issues, places) {
  const marks = new Map();
  issues.forEach((issue, n) => {
    const place = issue.path === "" ? undefined : places.get(issue.path);
    if (!place) return;
    const key = `${place.start}:${place.end}`;
    const mark = marks.get(key) ?? { ...place, issues: [], severity: "warning" };
    mark.issues.push(n);
    if (issue.severity === "error") mark.severity = "error";
    marks.set(key, mark);
  });
  const opens = [...marks.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  let html = "";
  let at = 0;
  const open = [];
  const closeUntil = (pos) => {
    while (open.length > 0 && open[open.length - 1].end <= pos) {
      const m = open.pop();
      html += escapeHtml(source.slice(at, m.end)) + "</mark>";
      at = m.end;
    }
  };
  for (const m of opens) {
    closeUntil(m.start);
    html += escapeHtml(source.slice(at, m.start));
    html += `<mark class="${m.severity}" data-issues="${m.issues.join(" ")}">`;
    at = m.start;
    open.push(m);
  }
  closeUntil(Infinity);
  return html + escapeHtml(source.slice(at));
}

function show(source) {
  const report = validate(source);
  const places = locate(source);
  const issues = report.issues;
  const summary = $("summary");
  const errors = report.errors.length;
  const warnings = issues.length - errors;
  summary.dataset.state = errors > 0 ? "invalid" : warnings > 0 ? "warnings" : "valid";
  summary.dataset.errors = String(errors);
  summary.dataset.warnings = String(warnings);
  summary.textContent =
    errors > 0
      ? `Invalid: ${errors} error(s), ${warnings} warning(s).`
      : warnings > 0
        ? `Valid, with ${warnings} warning(s).`
        : "Valid: no issue.";
  const list = $("issues");
  list.replaceChildren(
    ...issues.map((issue, n) => {
      const li = document.createElement("li");
      li.className = issue.severity;
      li.dataset.path = issue.path;
      li.dataset.code = issue.code;
      li.dataset.issue = String(n);
      li.innerHTML =
        `<span class="path">${escapeHtml(issue.path === "" ? "(document)" : issue.path)}</span> ` +
        `<span class="severity">${issue.severity}</span> <span class="code">${escapeHtml(issue.code)}</span>: ` +
        `<span class="message">${escapeHtml(issue.message)}</span>`;
      li.addEventListener("click", () => focusIssue(n));
      return li;
    }),
  );
  $("document").innerHTML = highlighted(source, issues, places);
}

function focusIssue(n) {
  for (const m of document.querySelectorAll("mark.current")) m.classList.remove("current");
  const mark = [...document.querySelectorAll("mark[data-issues]")].find((m) => m.dataset.issues.split(" ").includes(String(n)));
  if (mark) {
    mark.classList.add("current");
    mark.scrollIntoView({ block: "center" });
  }
}

function check() {
  if (text.value.trim() !== "") show(text.value);
}

$("check").addEventListener("click", check);
text.addEventListener("input", () => {
  clearTimeout(text.pending);
  text.pending = setTimeout(check, 300);
});
document.addEventListener("dragover", (e) => {
  e.preventDefault();
  document.body.classList.add("dragging");
});
document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
document.addEventListener("drop", async (e) => {
  e.preventDefault();
  document.body.classList.remove("dragging");
  const file = e.dataTransfer?.files?.[0];
  if (!file) return;
  text.value = await file.text();
  check();
});
document.body.dataset.ready = "true";
