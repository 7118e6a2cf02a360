//! Everything that talks to the Anthropic API: wire types, the SSE decoder,
//! stream accumulation, the retry policy, the HTTP transport and the client
//! that ties them together. This layer prints nothing and knows nothing of
//! the command line.

mod batches;
pub mod caps;
mod client;
mod count;
mod error;
pub mod files;
mod messages;
mod models;
pub mod proxy;
mod request;
pub mod retry;
pub mod sse;
pub mod stream;
mod transport;
pub mod types;

pub use client::{
    Client, ClientConfig, ClientEvent, Credential, JsonReply, Observer, RequestPreview, StreamSink,
};
pub use error::{ApiError, Error, Resource, one_line};
pub use messages::{Reply, needs_streaming};
pub use stream::{Delta, StreamEvent};
pub use transport::{Deadline, TransportError};
pub use types::{Message, StopReason};
