//! A file as `-f`, piped stdin and `vision` read it: told by its content,
//! its image size or PDF page count read, and checked against the API's
//! limits, alone and as one of many.
#![no_main]

use claude_cli::input::attach::{self, Named, Origin};
use claude_cli::input::{limits, media};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let media::Kind::Image(format) = media::detect(data) {
        let _ = media::dimensions(format, data);
    }
    let _ = (media::pdf_page_count(data), media::pdf_is_encrypted(data));
    for origin in [Origin::File, Origin::Stdin, Origin::Vision] {
        match attach::from_bytes("fuzz", data.to_vec(), origin) {
            Ok(attachment) => {
                let named = Named {
                    name: "fuzz".to_owned(),
                    attachment,
                };
                let many = vec![named; 21];
                for max_pages in [100, 600] {
                    for items in [&many[..1], &many[..]] {
                        if let Err(error) =
                            limits::check(items, max_pages, limits::MAX_REQUEST_BYTES)
                        {
                            assert!(!error.line().contains('\n'));
                        }
                    }
                }
            }
            Err(error) => assert!(!error.line().contains('\n')),
        }
    }
});
