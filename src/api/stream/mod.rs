//! Messages stream events, and folding them into the final `Message`.
//!
//! [`StreamEvent::parse`] turns one SSE event into a typed event (`event`),
//! [`MessageAccumulator`] folds the events into the Message as the SDKs do
//! (`accumulator`), and tool input cut off mid-stream is read as far as it
//! goes by [`parse_partial_json`] (`partial_json`). All three are pure.

mod accumulator;
mod event;
mod partial_json;

pub use accumulator::MessageAccumulator;
pub use event::{Delta, ProtocolError, StreamEvent};
pub use partial_json::parse_partial_json;
