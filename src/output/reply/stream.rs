//! The renderer as the sink of a reply's stream: what each event prints as
//! it arrives.

use std::io::{self, Write};

use crate::api::types::ContentBlock;
use crate::api::{Delta, StreamEvent, StreamSink};

use super::{Format, Renderer};

impl<O: Write, E: Write> StreamSink for Renderer<O, E> {
    fn block_complete(&mut self, block: &ContentBlock) -> io::Result<()> {
        if self.settings.sources && self.settings.stream && self.settings.format == Format::Text {
            let markers = self.sources.markers(block);
            self.write_text(&markers)?;
        }
        self.show_block(block)
    }

    fn event(&mut self, event: &StreamEvent<'_>, raw: &str) -> io::Result<()> {
        if self.settings.format == Format::StreamJson {
            self.stop_spinner();
            // An error event is the server's text about the request: it
            // may echo the key.
            match event {
                StreamEvent::Error(_) => self.write_event_line(&crate::secrets::scrub(raw))?,
                _ => self.write_event_line(raw)?,
            }
        }
        match event {
            StreamEvent::BlockDelta {
                delta: Delta::Thinking(text),
                ..
            } if self.settings.show_thinking => {
                self.stop_spinner();
                self.write_thinking(text)
            }
            StreamEvent::BlockDelta {
                delta: Delta::Text(text),
                ..
            } if self.settings.stream && self.settings.format == Format::Text => {
                if !text.is_empty() {
                    self.close_thinking()?;
                    self.write_text(text)?;
                    self.streamed_text = true;
                    self.out.flush()?;
                }
                Ok(())
            }
            StreamEvent::BlockStart {
                block: ContentBlock::ToolUse(_),
                ..
            } => {
                self.break_before_text = true;
                Ok(())
            }
            StreamEvent::BlockStop { .. } => self.close_thinking(),
            _ => Ok(()),
        }
    }

    fn has_output(&self) -> bool {
        self.request_output
    }

    fn keeps_text(&self) -> bool {
        let printed_as_it_came = self.settings.stream && self.settings.format != Format::Json;
        !(self.drop_printed_text && printed_as_it_came)
    }

    fn restart(&mut self) {
        if self.thinking_shown {
            let _ = self.close_thinking();
            let _ = writeln!(self.err, "claude: the attempt failed; thinking starts over");
        }
        self.thinking_shown = false;
    }
}
