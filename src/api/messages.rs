//! `POST /v1/messages`: a request sent whole or as a stream, with model
//! fallback, and the SSE reply read into a Message.

use bytes::Bytes;
use reqwest::{Method, Url};

use super::client::{
    Body, Call, Client, ClientEvent, Observer, RequestPreview, StreamSink, build_error, read_json,
};
use super::error::Error;
use super::sse::{SseDecoder, SseEvent};
use super::stream::{MessageAccumulator, ProtocolError, StreamEvent};
use super::transport::{Response, TransportError};
use super::types::{Message, MessageRequest};

/// A reply: the Message, for a reply that was not streamed the body
/// exactly as the server sent it, and the server's `request-id`.
#[derive(Debug, Clone)]
pub struct Reply {
    pub message: Message,
    pub raw: Option<Bytes>,
    pub request_id: Option<String>,
}

/// The SDKs refuse a non-streaming request that may outlast ten minutes:
/// `3600 s * max_tokens / 128000 > 600 s`, or above the per-model cap for
/// the old Opus 4 ids (`_constants.py`, `MODEL_NONSTREAMING_TOKENS`).
/// We stream such a request instead.
pub fn needs_streaming(model: &str, max_tokens: u32) -> bool {
    const OPUS_4_CAP: u32 = 8192;
    let opus_4 = matches!(
        model,
        "claude-opus-4-20250514" | "claude-opus-4-0" | "claude-4-opus-20250514"
    );
    max_tokens > 21_333 || (opus_4 && max_tokens > OPUS_4_CAP)
}

impl Client {
    /// `POST /v1/messages`, as `--dry-run` would show it.
    pub fn preview_message(
        &self,
        request: &MessageRequest,
        betas: &[String],
    ) -> anyhow::Result<RequestPreview> {
        Ok(RequestPreview {
            method: "POST",
            url: self.endpoint("v1/messages")?,
            headers: self.header_list(betas, true),
            body: serialize(request)?,
        })
    }

    /// Sends a Messages request and returns the reply. Streamed events go to
    /// `sink` as they arrive. Failures are retried by the policy as long as
    /// nothing has reached stdout; when the server keeps failing and a
    /// fallback model is configured, the request goes there once.
    pub fn create_message(
        &self,
        request: &MessageRequest,
        betas: &[String],
        sink: &mut dyn StreamSink,
        observer: &dyn Observer,
    ) -> Result<Reply, Error> {
        let url = self.endpoint("v1/messages").map_err(build_error)?;
        let first = self.send_message(&url, request, betas, sink, observer);
        match (first, self.fallback_model()) {
            (Err(error), Some(fallback))
                if error.is_server_side() && !sink.has_output() && fallback != request.model =>
            {
                observer.on(ClientEvent::FallingBack {
                    from: &request.model,
                    to: fallback,
                    error: &error,
                });
                let mut request = request.clone();
                request.model = fallback.to_owned();
                sink.restart();
                self.send_message(&url, &request, betas, sink, observer)
            }
            (result, _) => result,
        }
    }

    fn send_message(
        &self,
        url: &Url,
        request: &MessageRequest,
        betas: &[String],
        sink: &mut dyn StreamSink,
        observer: &dyn Observer,
    ) -> Result<Reply, Error> {
        let call = Call {
            method: Method::POST,
            url: url.clone(),
            body: Some(Body::Bytes(serialize(request).map_err(build_error)?)),
            betas,
            accept: None,
            progress: None,
        };
        let stream = request.stream;
        self.send_with_retries(&call, sink, observer, &|response, sink, request_id| {
            let reply = if stream {
                let message = read_stream(response, sink, request_id.clone())?;
                Reply {
                    message,
                    raw: None,
                    request_id,
                }
            } else {
                let reply = read_json::<Message>(response, request_id.clone())?;
                Reply {
                    message: reply.value,
                    raw: Some(reply.raw),
                    request_id,
                }
            };
            check_finished(reply)
        })
    }
}

/// A reply must say why it ended: the API gives every complete Message a
/// `stop_reason` (a stream sets it in `message_delta`). One without is
/// broken (a stream of `message_start` and `message_stop` alone, say),
/// and whether its turn ended cannot be told: the server's fault.
fn check_finished(reply: Reply) -> Result<Reply, Error> {
    if reply.message.stop_reason.is_some() {
        return Ok(reply);
    }
    Err(Error::Protocol {
        detail: "the reply has no stop_reason, so whether it is whole cannot be told".into(),
        request_id: reply.request_id,
    })
}

fn serialize(request: &MessageRequest) -> anyhow::Result<Bytes> {
    Ok(Bytes::from(serde_json::to_vec(request)?))
}

/// Reads an SSE reply to its `message_stop`, handing each event to `sink`.
fn read_stream(
    response: &mut Response,
    sink: &mut dyn StreamSink,
    request_id: Option<String>,
) -> Result<Message, Error> {
    let mut decoder = SseDecoder::new();
    let id = request_id.clone();
    let with_request_id = |error: Error| match error {
        Error::Protocol {
            detail,
            request_id: None,
        } => Error::Protocol {
            detail,
            request_id: id.clone(),
        },
        other => other,
    };
    let accumulator = if sink.keeps_text() {
        MessageAccumulator::new()
    } else {
        MessageAccumulator::without_text()
    };
    let mut reader = StreamReader {
        accumulator,
        sink,
        request_id,
    };
    loop {
        match response.next_chunk() {
            Ok(Some(chunk)) => decoder
                .feed(&chunk, |event| reader.on_event(event))
                .map_err(with_request_id)?,
            Ok(None) => {
                decoder
                    .finish(|event| reader.on_event(event))
                    .map_err(with_request_id)?;
                break;
            }
            Err(TransportError::Interrupted) => {
                return Err(Error::Interrupted {
                    partial: reader.accumulator.into_message().map(Box::new),
                });
            }
            Err(error) => return Err(Error::Transport(error)),
        }
        if reader.accumulator.is_complete() {
            break;
        }
    }
    if !reader.accumulator.is_complete() {
        return Err(Error::Protocol {
            detail: "the stream ended before message_stop".to_owned(),
            request_id: reader.request_id,
        });
    }
    let request_id = reader.request_id;
    let message = reader
        .accumulator
        .finish()
        .map_err(|e| stream_error(e, &request_id))?;
    message.ok_or_else(|| Error::Protocol {
        detail: "the stream carried no message".to_owned(),
        request_id,
    })
}

/// A broken stream, or one that went past a cap.
fn stream_error(error: ProtocolError, request_id: &Option<String>) -> Error {
    match error {
        ProtocolError::TooLarge(exceeded) => Error::TooLarge {
            detail: exceeded.to_string(),
            request_id: request_id.clone(),
        },
        other => Error::Protocol {
            detail: other.to_string(),
            request_id: request_id.clone(),
        },
    }
}

struct StreamReader<'s> {
    accumulator: MessageAccumulator,
    sink: &'s mut dyn StreamSink,
    request_id: Option<String>,
}

impl StreamReader<'_> {
    fn on_event(&mut self, sse: SseEvent<'_>) -> Result<(), Error> {
        if self.accumulator.is_complete() {
            return Ok(());
        }
        let event = self
            .accumulator
            .parse_event(sse.event, sse.data)
            .map_err(|e| stream_error(e, &self.request_id))?;
        if let StreamEvent::Error(error) = event {
            // The sink shows the event only as JSON, as `-o stream-json`
            // prints every event; one that is not still ends the stream.
            if serde_json::from_str::<serde::de::IgnoredAny>(sse.data).is_ok() {
                let event = StreamEvent::Error(error.clone());
                self.sink.event(&event, sse.data).map_err(Error::Output)?;
            }
            return Err(Error::StreamEvent {
                error,
                request_id: self.request_id.clone(),
                retries: 0,
            });
        }
        self.sink.event(&event, sse.data).map_err(Error::Output)?;
        self.accumulator
            .apply(&event)
            .map_err(|e| stream_error(e, &self.request_id))?;
        if let StreamEvent::BlockStop { index } = event
            && let Some(block) = self.accumulator.block(index)
        {
            self.sink.block_complete(block).map_err(Error::Output)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_non_streaming_requests_are_streamed() {
        assert!(!needs_streaming("claude-sonnet-5", 21_333));
        assert!(needs_streaming("claude-sonnet-5", 21_334));
        assert!(needs_streaming("claude-opus-4-0", 8193));
        assert!(!needs_streaming("claude-opus-4-5", 8193));
    }
}
