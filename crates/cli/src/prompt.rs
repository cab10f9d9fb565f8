//! `dossier prompt`: the request body that asks a provider's model for an article's dossier,
//! and the answer taken back out of the provider's response.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use defense_agreements::extraction::{Article, Provider, RequestOptions, answer_from, request};

/// Write the request that asks a model for an article's dossier, or take the answer out of the
/// model's response.
///
/// With `--article`, prints the JSON body to post to the provider: the extraction profile as
/// the structured output, the instructions (cite every fact, quote verbatim, resolve dates
/// against the publication date, date undated acts "on or before publication") and the article.
/// With `--answer-from`, reads a saved response body and prints the model's answer (the
/// extraction profile document `dossier extract` reads); exit status 1 when the response holds
/// no answer (a refusal, an answer cut off at the token limit, an error body), with the reason
/// on standard error.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    dossier prompt --provider openai-chat --model gpt-4.1 --article article.json > request.json\n  \
    curl -s https://api.openai.com/v1/chat/completions -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n    \
      -H 'Content-Type: application/json' -d @request.json > response.json\n  \
    dossier prompt --provider openai-chat --answer-from response.json > answer.json\n  \
    dossier prompt --provider gemini --model gemini-2.5-flash --endpoint\n  \
    dossier prompt --provider anthropic --model claude-sonnet-4-5 --article story.txt \\\n    \
      --url https://example.org/story --published 2025-09-18 --publisher 'Example News'")]
pub(crate) struct Args {
    /// The provider's API.
    #[arg(long, value_enum)]
    provider: ProviderName,
    /// The model to ask (for Gemini it is part of the endpoint, not the body).
    #[arg(long, required_unless_present = "answer_from", conflicts_with = "answer_from")]
    model: Option<String>,
    /// The article: a JSON file (`.json`: `{text, url, publisher, published, title}`), or a
    /// plain-text file (its whole content is the text; give what is known with the flags below).
    /// `-` reads standard input (an article object, or text).
    #[arg(long, value_name = "FILE", required_unless_present_any = ["answer_from", "endpoint"])]
    article: Option<PathBuf>,
    /// The article's URL (overrides the article file's).
    #[arg(long, requires = "article")]
    url: Option<String>,
    /// The article's publication date, ISO 8601 (`2025-09-18`): the model resolves "on
    /// Wednesday" against it and dates undated acts `../2025-09-18`.
    #[arg(long, requires = "article")]
    published: Option<String>,
    /// The outlet that published the article.
    #[arg(long, requires = "article")]
    publisher: Option<String>,
    /// The article's headline.
    #[arg(long, requires = "article")]
    title: Option<String>,
    /// The most output tokens the answer may take (Anthropic requires one: 8192 unless given).
    /// At least 1: no provider answers in 0 tokens.
    #[arg(long, value_name = "N", requires = "article", value_parser = clap::value_parser!(u32).range(1..))]
    max_tokens: Option<u32>,
    /// Print the body indented rather than on one line.
    #[arg(long, requires = "article")]
    pretty: bool,
    /// Print the address the body is posted to, and nothing else.
    #[arg(long, conflicts_with_all = ["article", "answer_from"])]
    endpoint: bool,
    /// Read a saved response body of `--provider` (`-`: standard input) and print the model's
    /// answer.
    #[arg(long, value_name = "RESPONSE", conflicts_with = "article")]
    answer_from: Option<PathBuf>,
}

/// The providers, by their command-line names.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ProviderName {
    /// OpenAI Chat Completions (`response_format` json_schema, strict).
    OpenaiChat,
    /// OpenAI Responses (`text.format` json_schema, strict).
    OpenaiResponses,
    /// Anthropic Messages (a forced tool whose input schema is the profile).
    Anthropic,
    /// Google Gemini generateContent (`responseJsonSchema`).
    Gemini,
}

impl From<ProviderName> for Provider {
    fn from(name: ProviderName) -> Self {
        match name {
            ProviderName::OpenaiChat => Provider::OpenAiChat,
            ProviderName::OpenaiResponses => Provider::OpenAiResponses,
            ProviderName::Anthropic => Provider::Anthropic,
            ProviderName::Gemini => Provider::Gemini,
        }
    }
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let provider = Provider::from(args.provider);
    let mut out = crate::output::stdout();
    if let Some(path) = &args.answer_from {
        let Some(response) = read_text(path) else { return Ok(ExitCode::FAILURE) };
        return match answer_from(provider, &response) {
            Ok(answer) => {
                out.write_all(answer.trim_end().as_bytes())?;
                out.write_all(b"\n")?;
                out.flush()?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("dossier prompt: {}: {e}", path.display());
                Ok(ExitCode::FAILURE)
            }
        };
    }
    let model = args.model.as_deref().unwrap_or_default();
    if model.trim().is_empty() {
        eprintln!("dossier prompt: --model must name a model");
        return Ok(ExitCode::from(crate::USAGE));
    }
    if args.endpoint {
        writeln!(out, "{}", provider.endpoint(model))?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = &args.article else { return Ok(ExitCode::from(crate::USAGE)) };
    let Some(article) = read_article(path, &args) else { return Ok(ExitCode::FAILURE) };
    if article.text.trim().is_empty() {
        eprintln!("dossier prompt: {}: the article has no text", path.display());
        return Ok(ExitCode::FAILURE);
    }
    // As `dossier extract` reads it: the date of a date-time, in EDTF.
    let unreadable = article.published.as_deref().filter(|p| {
        let date = p.split_once('T').map_or(*p, |(date, _)| date);
        let impossible_day = date.len() == 10 && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err();
        defense_agreements::values::EdtfDate::parse(date).is_err() || impossible_day
    });
    if let Some(published) = unreadable {
        eprintln!(
            "dossier prompt: warning: the publication date '{published}' is not a date (YYYY-MM-DD): the model \
             is told it is not known, and `dossier extract` will refuse the article"
        );
    }
    if article.published.is_none() {
        eprintln!(
            "dossier prompt: warning: no publication date (--published): the model is told not to resolve \
             weekdays, and acts the article gives no date for are left out"
        );
    }
    let mut options = RequestOptions::new();
    if let Some(max) = args.max_tokens {
        options = options.with_max_tokens(max);
    }
    let body = request(provider, &article, model, &options);
    if args.pretty {
        serde_json::to_writer_pretty(&mut out, &body).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
    } else {
        crate::output::json_line(&mut out, &body)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The whole of a file, or of standard input for `-`; `None` after saying why on stderr.
fn read_text(path: &Path) -> Option<String> {
    let read = if path == Path::new("-") {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    read.map_err(|e| eprintln!("dossier prompt: {}: {e}", path.display())).ok()
}

/// The article: an Article JSON file (`.json`), else the text itself; the flags fill in (or
/// override) what is known of it.
fn read_article(path: &Path, args: &Args) -> Option<Article> {
    let text = read_text(path)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    // As `dossier extract` reads it: `.json` is an article file; standard input is one when it
    // is a JSON object.
    let is_json = match path.extension() {
        Some(ext) => ext.eq_ignore_ascii_case("json"),
        None => path == Path::new("-") && text.trim_start().starts_with('{'),
    };
    let mut article = if is_json {
        match serde_json::from_str::<Article>(text) {
            Ok(article) => article,
            Err(e) => {
                eprintln!(
                    "dossier prompt: {}: not an article {{text, url, publisher, published, title}}: {e}",
                    path.display()
                );
                return None;
            }
        }
    } else {
        Article::new(text)
    };
    let set = |field: &mut Option<String>, flag: &Option<String>| {
        if let Some(value) = flag {
            *field = Some(value.clone());
        }
    };
    set(&mut article.url, &args.url);
    set(&mut article.published, &args.published);
    set(&mut article.publisher, &args.publisher);
    set(&mut article.title, &args.title);
    Some(article)
}
