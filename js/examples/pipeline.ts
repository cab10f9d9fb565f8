// The pipeline from a model's answer (docs/extraction.md), in TypeScript: the answer, in the
// extraction profile's shape, is loaded, validated and its quotes checked against the article.
//   node out/pipeline.js ANSWER.json ARTICLE.txt SOURCE-ID
import { readFileSync } from "node:fs";
import { fromProfile, ParseError, type Misquote } from "defense-agreements";

const [answerFile, articleFile, source = "report"] = process.argv.slice(2);
if (!answerFile || !articleFile) throw new Error("usage: pipeline ANSWER.json ARTICLE.txt [SOURCE-ID]");

try {
  const dossier = fromProfile(readFileSync(answerFile, "utf8")); // shape errors name their path
  const report = dossier.validate(); // every cross-record rule
  for (const issue of report) console.log(`${issue.path}: ${issue.severity}: ${issue.code}: ${issue.message}`);
  const misquotes: Misquote[] = dossier.checkQuotes(source, readFileSync(articleFile, "utf8"));
  for (const m of misquotes) console.log(`${m.path}: not in the article: ${JSON.stringify(m.quote)}`);
  process.exitCode = report.isValid && misquotes.length === 0 ? 0 : 1;
} catch (e) {
  if (!(e instanceof ParseError)) throw e;
  console.log(`${e.path ?? ""}: ${e.code}: ${e.reason}`);
  process.exitCode = 1;
}
