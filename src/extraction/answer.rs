//! The model's answer, taken out of a provider's response body: the JSON text that
//! [`from_profile_json`](super::from_profile_json) and the extraction read.

use serde::Deserialize;
use serde_json::Value;

use super::Provider;
use super::request::TOOL_NAME;
use crate::strict_value::StrictValue;

/// Why a provider's response holds no usable answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AnswerError {
    /// The response body is not JSON text, or gives a key twice in one object (which would
    /// silently drop one value). `path` is where, as a JSON Pointer into the response (the
    /// object, for a key given twice).
    #[error("the response is not valid JSON at '{path}': {message}")]
    Json {
        /// Where in the response.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The body is the provider's error report (a bad request, an unknown model, a quota).
    #[error("the provider returned an error: {message}")]
    Provider {
        /// The provider's message, with its type or status when it gives one.
        message: String,
    },
    /// The model declined to answer.
    #[error("the model refused: {message}")]
    Refused {
        /// The model's or the provider's words.
        message: String,
    },
    /// The answer was cut off before it ended (the output token limit), so it is incomplete.
    #[error("the answer is incomplete ({reason}): raise the output token limit")]
    Truncated {
        /// The provider's reason (`length`, `max_tokens`, `MAX_TOKENS`, `max_output_tokens`).
        reason: String,
    },
    /// The provider withheld the answer (a content filter, a safety block).
    #[error("the provider withheld the answer: {reason}")]
    Blocked {
        /// The provider's reason.
        reason: String,
    },
    /// The response has no answer where the provider puts it.
    #[error("no answer at '{path}' in the {provider} response: {message}")]
    Missing {
        /// The provider the response was read as.
        provider: Provider,
        /// Where the answer was looked for, as a JSON Pointer into the response.
        path: String,
        /// What was found instead.
        message: String,
    },
}

impl AnswerError {
    /// A stable snake_case name for the kind of error: `json`, `provider`, `refused`,
    /// `truncated`, `blocked`, `missing`.
    pub fn code(&self) -> &'static str {
        match self {
            AnswerError::Json { .. } => "json",
            AnswerError::Provider { .. } => "provider",
            AnswerError::Refused { .. } => "refused",
            AnswerError::Truncated { .. } => "truncated",
            AnswerError::Blocked { .. } => "blocked",
            AnswerError::Missing { .. } => "missing",
        }
    }
}

/// The answer JSON text in a response body of `provider` (the HTTP response's body, as the
/// provider's REST API or SDK `model_dump_json()` writes it):
///
/// - OpenAI Chat Completions: `choices[0].message.content`;
/// - OpenAI Responses: the `output_text` parts of the `message` items of `output`;
/// - Anthropic Messages: the `input` of the `tool_use` block calling [`TOOL_NAME`], as JSON text;
/// - Gemini: the text parts of `candidates[0].content.parts` (thought parts left out).
///
/// A refusal, an answer cut off at the token limit, a filtered answer and an error body are
/// errors of their own, so a pipeline can tell a retry with a larger limit from a dead end.
/// An empty (or all white space) answer, and an Anthropic response calling [`TOOL_NAME`] more
/// than once, are [`AnswerError::Missing`]: neither is one answer.
/// The response is read as the canonical parser reads dossiers: a key given twice is an error,
/// not a value silently dropped.
///
/// ```
/// use defense_agreements::extraction::{Provider, answer_from};
///
/// let response = r#"{"choices": [{"index": 0, "finish_reason": "stop",
///   "message": {"role": "assistant", "content": "{\"id\": \"x\"}", "refusal": null}}]}"#;
/// assert_eq!(answer_from(Provider::OpenAiChat, response)?, r#"{"id": "x"}"#);
/// # Ok::<(), defense_agreements::extraction::AnswerError>(())
/// ```
pub fn answer_from(provider: Provider, response: &str) -> Result<String, AnswerError> {
    let response = response.strip_prefix('\u{FEFF}').unwrap_or(response);
    let mut track = serde_path_to_error::Track::new();
    let mut de = serde_json::Deserializer::from_str(response);
    let parsed = StrictValue::<true>::deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track))
        .and_then(|v| de.end().map(|()| v));
    let body = match parsed {
        Ok(StrictValue(body)) => body,
        Err(e) => {
            let path = pointer(&track.path());
            return Err(AnswerError::Json { path, message: e.to_string() });
        }
    };
    provider_error(&body)?;
    let (answer, path) = match provider {
        Provider::OpenAiChat => (openai_chat(&body)?, "/choices/0/message/content"),
        Provider::OpenAiResponses => (openai_responses(&body)?, "/output"),
        Provider::Anthropic => (anthropic(&body)?, "/content"),
        Provider::Gemini => (gemini(&body)?, "/candidates/0/content/parts"),
    };
    // An empty text is no answer: passed on, it would read as a success that holds nothing.
    if answer.trim().is_empty() {
        return Err(missing(provider, path, "the answer is empty"));
    }
    Ok(answer)
}

/// serde_path_to_error's path (`choices[0].message`) as a JSON Pointer (`/choices/0/message`).
fn pointer(path: &serde_path_to_error::Path) -> String {
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            serde_path_to_error::Segment::Map { key } => crate::pointer::push_token(&mut out, key),
            serde_path_to_error::Segment::Enum { variant } => crate::pointer::push_token(&mut out, variant),
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    out
}

/// The error body all four APIs share in shape: `{"error": {"message", "type"|"status"}}`
/// (Anthropic adds `"type": "error"` at the root).
fn provider_error(body: &Value) -> Result<(), AnswerError> {
    // Some gateways and proxies in front of the APIs give the error as a bare string.
    if let Some(message) = body.get("error").and_then(Value::as_str) {
        return Err(AnswerError::Provider { message: message.to_owned() });
    }
    let Some(error) = body.get("error").filter(|e| e.is_object()) else { return Ok(()) };
    let message = error.get("message").and_then(Value::as_str).unwrap_or("(no message)");
    let kind = ["type", "status", "code"].iter().find_map(|k| error.get(*k).filter(|v| !v.is_null()));
    let message = match kind {
        Some(Value::String(kind)) => format!("{kind}: {message}"),
        Some(kind) => format!("{kind}: {message}"),
        None => message.to_owned(),
    };
    Err(AnswerError::Provider { message })
}

fn missing(provider: Provider, path: &str, message: impl Into<String>) -> AnswerError {
    AnswerError::Missing { provider, path: path.to_owned(), message: message.into() }
}

/// A short excerpt of what a model wrote instead of an answer, for an error message.
fn excerpt(text: &str) -> String {
    const MAX: usize = 200;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{:?}…", &text[..end]),
        None => format!("{text:?}"),
    }
}

fn openai_chat(body: &Value) -> Result<String, AnswerError> {
    let provider = Provider::OpenAiChat;
    let choice = body.pointer("/choices/0").ok_or_else(|| missing(provider, "/choices/0", "no choices"))?;
    let message = choice.get("message").ok_or_else(|| missing(provider, "/choices/0/message", "no message"))?;
    // An empty refusal (some compatible servers send `""` for none) is no refusal.
    if let Some(refusal) = message.get("refusal").and_then(Value::as_str).filter(|r| !r.trim().is_empty()) {
        return Err(AnswerError::Refused { message: refusal.to_owned() });
    }
    match choice.get("finish_reason").and_then(Value::as_str) {
        Some(reason @ "length") => return Err(AnswerError::Truncated { reason: reason.to_owned() }),
        Some(reason @ "content_filter") => return Err(AnswerError::Blocked { reason: reason.to_owned() }),
        _ => {}
    }
    match message.get("content") {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(Value::Null) | None => Err(missing(provider, "/choices/0/message/content", "no content")),
        Some(other) => Err(missing(provider, "/choices/0/message/content", format!("not a string: {other}"))),
    }
}

fn openai_responses(body: &Value) -> Result<String, AnswerError> {
    let provider = Provider::OpenAiResponses;
    match body.get("status").and_then(Value::as_str) {
        Some("incomplete") => {
            let reason = body.pointer("/incomplete_details/reason").and_then(Value::as_str).unwrap_or("incomplete");
            return Err(if reason == "content_filter" {
                AnswerError::Blocked { reason: reason.to_owned() }
            } else {
                AnswerError::Truncated { reason: reason.to_owned() }
            });
        }
        Some(status @ ("failed" | "cancelled" | "queued" | "in_progress")) => {
            return Err(missing(provider, "/status", format!("the response is {status}")));
        }
        _ => {}
    }
    let output =
        body.get("output").and_then(Value::as_array).ok_or_else(|| missing(provider, "/output", "no output list"))?;
    let mut text = String::new();
    let mut found = false;
    for item in output.iter().filter(|i| i.get("type").and_then(Value::as_str) == Some("message")) {
        for part in item.get("content").and_then(Value::as_array).into_iter().flatten() {
            match part.get("type").and_then(Value::as_str) {
                Some("output_text") => {
                    text.push_str(part.get("text").and_then(Value::as_str).unwrap_or(""));
                    found = true;
                }
                Some("refusal") => {
                    let message = part.get("refusal").and_then(Value::as_str).unwrap_or("(no reason given)");
                    return Err(AnswerError::Refused { message: message.to_owned() });
                }
                _ => {}
            }
        }
    }
    if found { Ok(text) } else { Err(missing(provider, "/output", "no message with output_text")) }
}

fn anthropic(body: &Value) -> Result<String, AnswerError> {
    let provider = Provider::Anthropic;
    match body.get("stop_reason").and_then(Value::as_str) {
        Some(reason @ "max_tokens") => return Err(AnswerError::Truncated { reason: reason.to_owned() }),
        Some("refusal") => {
            let said = text_blocks(body);
            let message = if said.is_empty() { "stop_reason refusal".to_owned() } else { said };
            return Err(AnswerError::Refused { message });
        }
        _ => {}
    }
    let content = body
        .get("content")
        .and_then(Value::as_array)
        .ok_or_else(|| missing(provider, "/content", "no content list"))?;
    let tool_uses = content.iter().filter(|b| b.get("type").and_then(Value::as_str) == Some("tool_use"));
    let calls: Vec<&Value> =
        tool_uses.clone().filter(|b| b.get("name").and_then(Value::as_str) == Some(TOOL_NAME)).collect();
    // Two calls are two answers: taking the first would drop the other without a word.
    if calls.len() > 1 {
        return Err(missing(
            provider,
            "/content",
            format!("{} tool_use blocks call {TOOL_NAME}; one answer was asked for", calls.len()),
        ));
    }
    let call = calls.first();
    match call.and_then(|c| c.get("input")) {
        Some(input @ Value::Object(_)) => Ok(input.to_string()),
        Some(other) => Err(missing(provider, "/content", format!("the {TOOL_NAME} input is not an object: {other}"))),
        None => {
            let said = text_blocks(body);
            let mut message = format!("no tool_use block calling {TOOL_NAME}");
            let others: Vec<&str> = tool_uses.filter_map(|b| b.get("name").and_then(Value::as_str)).collect();
            if !others.is_empty() {
                message.push_str(&format!("; the model called {}", excerpt(&others.join(", "))));
            }
            if !said.is_empty() {
                message.push_str(&format!("; the model wrote {}", excerpt(&said)));
            }
            Err(missing(provider, "/content", message))
        }
    }
}

/// The text blocks of an Anthropic response, joined.
fn text_blocks(body: &Value) -> String {
    let blocks = body.get("content").and_then(Value::as_array).into_iter().flatten();
    let texts = blocks.filter(|b| b.get("type").and_then(Value::as_str) == Some("text"));
    texts.filter_map(|b| b.get("text").and_then(Value::as_str)).collect::<Vec<_>>().join("\n")
}

fn gemini(body: &Value) -> Result<String, AnswerError> {
    let provider = Provider::Gemini;
    let Some(candidate) = body.pointer("/candidates/0") else {
        return Err(match body.pointer("/promptFeedback/blockReason").and_then(Value::as_str) {
            Some(reason) => AnswerError::Blocked { reason: format!("prompt blocked: {reason}") },
            None => missing(provider, "/candidates/0", "no candidates"),
        });
    };
    match candidate.get("finishReason").and_then(Value::as_str) {
        None | Some("STOP") | Some("FINISH_REASON_UNSPECIFIED") => {}
        Some(reason @ "MAX_TOKENS") => return Err(AnswerError::Truncated { reason: reason.to_owned() }),
        Some(reason) => return Err(AnswerError::Blocked { reason: reason.to_owned() }),
    }
    let parts = candidate
        .pointer("/content/parts")
        .and_then(Value::as_array)
        .ok_or_else(|| missing(provider, "/candidates/0/content/parts", "no parts"))?;
    // Thought summaries (`"thought": true`) are the model's reasoning, not its answer.
    let texts: Vec<&str> = parts
        .iter()
        .filter(|p| p.get("thought").and_then(Value::as_bool) != Some(true))
        .filter_map(|p| p.get("text").and_then(Value::as_str))
        .collect();
    if texts.is_empty() {
        return Err(missing(provider, "/candidates/0/content/parts", "no text part"));
    }
    Ok(texts.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_provider_s_answer_is_found() {
        let chat = r#"{"choices":[{"finish_reason":"stop","message":{"role":"assistant","content":"{\"a\":1}","refusal":null}}]}"#;
        assert_eq!(answer_from(Provider::OpenAiChat, chat).as_deref(), Ok(r#"{"a":1}"#));
        let responses = r#"{"status":"completed","output":[{"type":"reasoning","summary":[]},
            {"type":"message","role":"assistant","content":[{"type":"output_text","text":"{\"a\":1}","annotations":[]}]}]}"#;
        assert_eq!(answer_from(Provider::OpenAiResponses, responses).as_deref(), Ok(r#"{"a":1}"#));
        let anthropic = r#"{"type":"message","stop_reason":"tool_use","content":[{"type":"text","text":"Here."},
            {"type":"tool_use","id":"toolu_1","name":"record_dossier","input":{"a":1}}]}"#;
        assert_eq!(answer_from(Provider::Anthropic, anthropic).as_deref(), Ok(r#"{"a":1}"#));
        let gemini = r#"{"candidates":[{"finishReason":"STOP","content":{"role":"model","parts":[
            {"text":"thinking","thought":true},{"text":"{\"a\":"},{"text":"1}"}]}}]}"#;
        assert_eq!(answer_from(Provider::Gemini, gemini).as_deref(), Ok(r#"{"a":1}"#));
    }

    #[test]
    fn failures_are_told_apart() {
        let code = |p, body: &str| answer_from(p, body).map_err(|e| e.code()).err();
        let cut = r#"{"choices":[{"finish_reason":"length","message":{"content":"{\"a\":","refusal":null}}]}"#;
        assert_eq!(code(Provider::OpenAiChat, cut), Some("truncated"));
        let refused = r#"{"choices":[{"finish_reason":"stop","message":{"content":null,"refusal":"I can't."}}]}"#;
        assert_eq!(code(Provider::OpenAiChat, refused), Some("refused"));
        let incomplete = r#"{"status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"output":[]}"#;
        assert_eq!(code(Provider::OpenAiResponses, incomplete), Some("truncated"));
        let text_only = r#"{"stop_reason":"end_turn","content":[{"type":"text","text":"No agreement here."}]}"#;
        let err = answer_from(Provider::Anthropic, text_only).err();
        assert!(err.as_ref().is_some_and(|e| e.to_string().contains("No agreement here.")), "{err:?}");
        assert_eq!(code(Provider::Anthropic, r#"{"stop_reason":"max_tokens","content":[]}"#), Some("truncated"));
        let blocked = r#"{"promptFeedback":{"blockReason":"SAFETY"}}"#;
        assert_eq!(code(Provider::Gemini, blocked), Some("blocked"));
        let error = r#"{"type":"error","error":{"type":"not_found_error","message":"model: x"}}"#;
        assert_eq!(
            answer_from(Provider::Anthropic, error).err().map(|e| e.to_string()),
            Some("the provider returned an error: not_found_error: model: x".into())
        );
        // A response in another provider's shape says where the answer was looked for.
        let err = answer_from(Provider::Gemini, cut).err();
        assert!(matches!(&err, Some(AnswerError::Missing { path, .. }) if path == "/candidates/0"), "{err:?}");
    }

    #[test]
    fn a_key_given_twice_is_refused_with_its_path() {
        let twice = r#"{"content":[{"type":"tool_use","name":"record_dossier","input":{"id":"a","id":"b"}}]}"#;
        let err = answer_from(Provider::Anthropic, twice).err();
        assert!(
            matches!(&err, Some(AnswerError::Json { path, message }) if path == "/content/0/input" && message.starts_with("duplicate field `id`")),
            "{err:?}"
        );
        let err = answer_from(Provider::OpenAiChat, "{\"choices\": [").err();
        assert_eq!(err.map(|e| e.code()), Some("json"));
        assert_eq!(answer_from(Provider::OpenAiChat, "{} trailing").err().map(|e| e.code()), Some("json"));
        // Nesting past serde_json's recursion limit is an error, not a stack overflow.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(answer_from(Provider::Gemini, &deep).err().map(|e| e.code()), Some("json"));
    }
}
