//! The model APIs an extraction request is written for, each with its own way of asking for
//! structured output.

use std::fmt;
use std::str::FromStr;

/// A model provider's API, as [`request`](super::request) writes for it and
/// [`answer_from`](super::answer_from) reads from it.
///
/// The names (`openai-chat`, `openai-responses`, `anthropic`, `gemini`) are the command line's
/// and Python's; [`Provider::from_str`] reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provider {
    /// OpenAI Chat Completions (`POST /v1/chat/completions`): the profile as a strict
    /// `response_format` JSON schema, the answer in `choices[0].message.content`.
    OpenAiChat,
    /// OpenAI Responses (`POST /v1/responses`): the profile as a strict `text.format` JSON
    /// schema, the answer in the `output_text` parts of the output message.
    OpenAiResponses,
    /// Anthropic Messages (`POST /v1/messages`): the profile as the input schema of one tool the
    /// model is made to call, the answer in that `tool_use` block's `input`.
    Anthropic,
    /// Google Gemini `generateContent`: the profile as `generationConfig.responseJsonSchema`, the
    /// answer in the text parts of `candidates[0].content`.
    Gemini,
}

impl Provider {
    /// Every provider, in the order the documentation lists them.
    pub const ALL: [Provider; 4] =
        [Provider::OpenAiChat, Provider::OpenAiResponses, Provider::Anthropic, Provider::Gemini];

    /// The provider's name on the command line and in Python: `openai-chat`, `openai-responses`,
    /// `anthropic`, `gemini`.
    pub fn name(self) -> &'static str {
        match self {
            Provider::OpenAiChat => "openai-chat",
            Provider::OpenAiResponses => "openai-responses",
            Provider::Anthropic => "anthropic",
            Provider::Gemini => "gemini",
        }
    }

    /// The address the request body is posted to. Gemini names the model in the address, not
    /// in the body (the stable `v1` API, where google-genai posts by default); the others ignore
    /// `model` here. The model name may come as the SDK takes it (`models/gemini-2.5-flash`);
    /// any character a path segment cannot hold as it is (`/`, `?`, `#`, spaces …) is
    /// percent-encoded, so a name never changes which address is asked.
    pub fn endpoint(self, model: &str) -> String {
        match self {
            Provider::OpenAiChat => "https://api.openai.com/v1/chat/completions".to_owned(),
            Provider::OpenAiResponses => "https://api.openai.com/v1/responses".to_owned(),
            Provider::Anthropic => "https://api.anthropic.com/v1/messages".to_owned(),
            Provider::Gemini => {
                let model = model.strip_prefix("models/").unwrap_or(model);
                format!("https://generativelanguage.googleapis.com/v1/models/{}:generateContent", path_segment(model))
            }
        }
    }
}

/// `text` as one URL path segment: RFC 3986's unreserved characters as they are, every other
/// byte percent-encoded.
fn path_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A provider name that is not one of [`Provider::ALL`]'s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown provider '{name}': expected openai-chat, openai-responses, anthropic or gemini")]
pub struct UnknownProvider {
    name: String,
}

impl UnknownProvider {
    /// The name given.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl FromStr for Provider {
    type Err = UnknownProvider;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Provider::ALL.into_iter().find(|p| p.name() == name).ok_or_else(|| UnknownProvider { name: name.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gemini_model_name_stays_one_path_segment() {
        let at = |m: &str| Provider::Gemini.endpoint(m);
        let base = "https://generativelanguage.googleapis.com/v1/models/";
        assert_eq!(at("gemini-2.5-flash"), format!("{base}gemini-2.5-flash:generateContent"));
        assert_eq!(at("models/gemini-2.5-flash"), format!("{base}gemini-2.5-flash:generateContent"));
        assert_eq!(at("a/b?c#d e"), format!("{base}a%2Fb%3Fc%23d%20e:generateContent"));
        assert_eq!(at("é"), format!("{base}%C3%A9:generateContent"));
    }

    #[test]
    fn names_read_back() {
        for provider in Provider::ALL {
            assert_eq!(provider.name().parse::<Provider>(), Ok(provider));
        }
        let unknown = "openai".parse::<Provider>().err();
        assert_eq!(unknown.as_ref().map(UnknownProvider::name), Some("openai"));
        assert!(unknown.is_some_and(|e| e.to_string().contains("openai-chat, openai-responses")));
    }

    #[test]
    fn gemini_names_the_model_in_the_address() {
        assert!(Provider::Gemini.endpoint("gemini-2.5-flash").ends_with("/models/gemini-2.5-flash:generateContent"));
        assert_eq!(Provider::Anthropic.endpoint("x"), "https://api.anthropic.com/v1/messages");
    }
}
