//! The body of a request that asks a provider's model for one article's dossier, in the
//! extraction profile, through the provider's structured-output mechanism.

use serde_json::{Map, Value, json};

use super::instructions::{article_message, instructions};
use super::{Article, Provider, profile_schema};

/// The name the profile goes by in a request: OpenAI's `json_schema.name` (letters, digits,
/// `_` and `-`, at most 64).
pub const SCHEMA_NAME: &str = "dossier";

/// The Anthropic tool whose input is the dossier; [`request`] makes the model call it.
pub const TOOL_NAME: &str = "record_dossier";

/// What [`request`] may set besides the article and the model.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// The most output tokens the answer may take. Anthropic requires a value
    /// ([`RequestOptions::ANTHROPIC_MAX_TOKENS`] when `None`); the others leave it to the
    /// model's own limit when `None`.
    pub max_tokens: Option<u32>,
}

impl RequestOptions {
    /// Anthropic's `max_tokens` when none is given: what every current Claude model can write,
    /// and room for a dossier of a few agreements in the profile's verbose shape.
    pub const ANTHROPIC_MAX_TOKENS: u32 = 8192;

    /// No limit of one's own.
    pub fn new() -> Self {
        Self { max_tokens: None }
    }

    /// At most `max_tokens` output tokens.
    #[must_use]
    pub fn with_max_tokens(mut self, max_tokens: u32) -> Self {
        self.max_tokens = Some(max_tokens);
        self
    }
}

impl Default for RequestOptions {
    fn default() -> Self {
        Self::new()
    }
}

/// The extraction profile as sent in requests: the committed profile without the root's
/// `$schema` and `$id`, which name the document and are not on every provider's list of
/// supported keywords (Anthropic's SDK moves them into the description).
pub fn request_schema() -> Value {
    let mut schema = profile_schema().clone();
    if let Value::Object(root) = &mut schema {
        root.remove("$schema");
        root.remove("$id");
    }
    schema
}

/// The JSON body to post to `provider` (at [`Provider::endpoint`]) asking `model` for the
/// dossier of `article`: the [instructions](super::instructions) as the system prompt, the
/// article as the user's message, and the profile ([`request_schema`]) as the structured
/// output:
///
/// - OpenAI Chat Completions: `response_format` `json_schema`, `strict: true`;
/// - OpenAI Responses: `text.format` `json_schema`, `strict: true`;
/// - Anthropic Messages: one tool, [`TOOL_NAME`], with the profile as `input_schema` and
///   `tool_choice` forcing it (not `strict`: the profile has more union-typed properties than
///   Anthropic's strict mode allows, docs/extraction.md);
/// - Gemini: `generationConfig.responseJsonSchema` with `responseMimeType: application/json`
///   (the model is named in the address, not the body).
///
/// The body is what each provider's Python SDK takes as keyword arguments for OpenAI and
/// Anthropic (`client.chat.completions.create(**body)`), and the REST body for Gemini.
///
/// ```
/// use defense_agreements::extraction::{Article, Provider, RequestOptions, request};
///
/// let article = Article::new("Iran and Syria signed a military agreement on Wednesday.")
///     .with_published("2020-07-09");
/// let body = request(Provider::OpenAiChat, &article, "gpt-4.1", &RequestOptions::new());
/// assert_eq!(body["response_format"]["json_schema"]["strict"], true);
/// assert!(body["messages"][0]["content"].as_str().is_some_and(|s| s.contains("Thursday 2020-07-09")));
/// ```
pub fn request(provider: Provider, article: &Article, model: &str, options: &RequestOptions) -> Value {
    let system = instructions(article);
    let user = article_message(article);
    let schema = request_schema();
    let mut body = match provider {
        Provider::OpenAiChat => json!({
            "model": model,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": user},
            ],
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": SCHEMA_NAME, "strict": true, "schema": schema},
            },
        }),
        Provider::OpenAiResponses => json!({
            "model": model,
            "instructions": system,
            "input": [{"role": "user", "content": user}],
            "text": {
                "format": {"type": "json_schema", "name": SCHEMA_NAME, "strict": true, "schema": schema},
            },
        }),
        Provider::Anthropic => json!({
            "model": model,
            "max_tokens": options.max_tokens.unwrap_or(RequestOptions::ANTHROPIC_MAX_TOKENS),
            "system": system,
            "messages": [{"role": "user", "content": user}],
            "tools": [{
                "name": TOOL_NAME,
                "description": "Record the dossier of what the article reports, in the given schema.",
                "input_schema": schema,
            }],
            "tool_choice": {"type": "tool", "name": TOOL_NAME},
        }),
        Provider::Gemini => json!({
            "systemInstruction": {"parts": [{"text": system}]},
            "contents": [{"role": "user", "parts": [{"text": user}]}],
            "generationConfig": {
                "responseMimeType": "application/json",
                "responseJsonSchema": schema,
            },
        }),
    };
    if let (Some(max), Value::Object(body)) = (options.max_tokens, &mut body) {
        set_max_tokens(provider, body, max);
    }
    body
}

fn set_max_tokens(provider: Provider, body: &mut Map<String, Value>, max: u32) {
    match provider {
        Provider::OpenAiChat => {
            body.insert("max_completion_tokens".into(), max.into());
        }
        Provider::OpenAiResponses => {
            body.insert("max_output_tokens".into(), max.into());
        }
        // Already set from the options.
        Provider::Anthropic => {}
        Provider::Gemini => {
            if let Some(Value::Object(config)) = body.get_mut("generationConfig") {
                config.insert("maxOutputTokens".into(), max.into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article::new("Iran and Syria signed a “comprehensive” military agreement on Wednesday.")
            .with_published("2020-07-09")
            .with_publisher("Example News")
    }

    #[test]
    fn every_provider_gets_the_profile_the_instructions_and_the_article() {
        let schema = request_schema();
        assert!(schema.get("$schema").is_none() && schema.get("$id").is_none());
        assert_eq!(schema["properties"], profile_schema()["properties"]);
        for provider in Provider::ALL {
            let body = request(provider, &article(), "m-1", &RequestOptions::new());
            let text = body.to_string();
            assert!(text.contains("Thursday 2020-07-09"), "{provider}: instructions");
            assert!(text.contains("“comprehensive”"), "{provider}: the article, unchanged");
            let sent = match provider {
                Provider::OpenAiChat => &body["response_format"]["json_schema"]["schema"],
                Provider::OpenAiResponses => &body["text"]["format"]["schema"],
                Provider::Anthropic => &body["tools"][0]["input_schema"],
                Provider::Gemini => &body["generationConfig"]["responseJsonSchema"],
            };
            assert_eq!(sent, &schema, "{provider}");
            assert_eq!(body.get("model").is_some(), provider != Provider::Gemini, "{provider}");
        }
    }

    #[test]
    fn max_tokens_goes_where_each_provider_reads_it() {
        let options = RequestOptions::new().with_max_tokens(1000);
        let at = |p| request(p, &article(), "m", &options);
        assert_eq!(at(Provider::OpenAiChat)["max_completion_tokens"], 1000);
        assert_eq!(at(Provider::OpenAiResponses)["max_output_tokens"], 1000);
        assert_eq!(at(Provider::Anthropic)["max_tokens"], 1000);
        assert_eq!(at(Provider::Gemini)["generationConfig"]["maxOutputTokens"], 1000);
        let default = request(Provider::Anthropic, &article(), "m", &RequestOptions::new());
        assert_eq!(default["max_tokens"], RequestOptions::ANTHROPIC_MAX_TOKENS);
        assert!(
            request(Provider::OpenAiChat, &article(), "m", &RequestOptions::new())
                .get("max_completion_tokens")
                .is_none()
        );
    }
}
