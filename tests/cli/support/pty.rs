//! A pseudo-terminal, so tests can run `claude` with stdout or stderr
//! attached to a real terminal.
#![allow(unsafe_code)]

use std::fs::File;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::Stdio;

pub struct Pty {
    master: File,
    slave: Option<OwnedFd>,
}

impl Pty {
    pub fn open() -> Pty {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two new descriptors into the out-pointers;
        // the optional name, termios and winsize arguments may be null.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty failed");
        // SAFETY: both descriptors are fresh and owned by nobody else.
        unsafe {
            Pty {
                master: File::from_raw_fd(master),
                slave: Some(OwnedFd::from_raw_fd(slave)),
            }
        }
    }

    /// A handle to the terminal side, for a child's stdio.
    pub fn terminal(&self) -> Stdio {
        Stdio::from(
            self.slave
                .as_ref()
                .expect("terminal open")
                .try_clone()
                .unwrap(),
        )
    }

    /// Everything the child wrote, once it has exited. `\r\n` becomes `\n`.
    pub fn read_all(mut self) -> String {
        drop(self.slave.take());
        let mut bytes = Vec::new();
        let mut buf = [0u8; 4096];
        // Linux reports EIO on the master once every terminal handle is closed.
        while let Ok(n) = self.master.read(&mut buf) {
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
    }
}
