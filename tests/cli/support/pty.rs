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
        Pty::new(None)
    }

    /// A terminal that says it is `columns` wide (and 50 lines high).
    pub fn sized(columns: u16) -> Pty {
        Pty::new(Some(columns))
    }

    fn new(columns: Option<u16>) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let size = columns.map(|columns| libc::winsize {
            ws_row: 50,
            ws_col: columns,
            ws_xpixel: 0,
            ws_ypixel: 0,
        });
        // SAFETY: openpty writes two new descriptors into the out-pointers;
        // the optional name, termios and winsize arguments may be null.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                size.as_ref().map_or(std::ptr::null(), |size| size),
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

/// A child running on a pseudo-terminal as its controlling terminal, so
/// that typed keys, Ctrl-C included, reach it as they would from a user.
pub struct Session {
    master: File,
    output: std::sync::Arc<(std::sync::Mutex<Vec<u8>>, std::sync::Condvar)>,
    /// How much of the output earlier `expect`s consumed.
    seen: usize,
    pub child: std::process::Child,
}

impl Session {
    /// Starts `command` with stdin, stdout and stderr on a new terminal.
    pub fn spawn(command: std::process::Command) -> Session {
        Session::spawn_with_stdout(command, None)
    }

    /// Like [`Session::spawn`], with stdout going to `stdout` instead of
    /// the terminal when given (`claude chat | tee`).
    pub fn spawn_with_stdout(command: std::process::Command, stdout: Option<Stdio>) -> Session {
        Session::start(Pty::open(), command, stdout, None)
    }

    /// Like [`Session::spawn`], on a terminal `columns` wide.
    pub fn spawn_sized(command: std::process::Command, columns: u16) -> Session {
        Session::start(Pty::sized(columns), command, None, None)
    }

    /// Starts `command` with stdin and stdout on a terminal `columns` wide
    /// and stderr piped, so the screen holds nothing but the answer.
    pub fn spawn_answer_only(command: std::process::Command, columns: u16) -> Session {
        Session::start(Pty::sized(columns), command, None, Some(Stdio::piped()))
    }

    fn start(
        pty: Pty,
        mut command: std::process::Command,
        stdout: Option<Stdio>,
        stderr: Option<Stdio>,
    ) -> Session {
        use std::os::unix::process::CommandExt;
        command
            .stdin(pty.terminal())
            .stdout(stdout.unwrap_or_else(|| pty.terminal()))
            .stderr(stderr.unwrap_or_else(|| pty.terminal()));
        // SAFETY: only async-signal-safe calls between fork and exec: a new
        // session, then the terminal on stdin becomes its controlling one.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() == -1 || libc::ioctl(0, libc::TIOCSCTTY, 0) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("claude starts");
        let Pty { master, slave } = pty;
        drop(slave);
        let output =
            std::sync::Arc::new((std::sync::Mutex::new(Vec::new()), std::sync::Condvar::new()));
        let mut reader = master.try_clone().unwrap();
        let mut answer = master.try_clone().unwrap();
        let shared = std::sync::Arc::clone(&output);
        std::thread::spawn(move || {
            use std::io::Write;
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let chunk = &buf[..n];
                // A cursor-position query gets the answer a terminal gives.
                if chunk.windows(4).any(|w| w == b"\x1b[6n") {
                    let _ = answer.write_all(b"\x1b[1;1R");
                }
                let (lock, ready) = &*shared;
                lock.lock().unwrap().extend_from_slice(chunk);
                ready.notify_all();
            }
            let (lock, ready) = &*shared;
            lock.lock().unwrap().push(0);
            ready.notify_all();
        });
        Session {
            master,
            output,
            seen: 0,
            child,
        }
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        use std::io::Write;
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    /// Waits until `text` appears in what the child wrote since the last
    /// match, and returns everything up to and including it. Fails with
    /// the output so far if it has not appeared within 20 s.
    #[track_caller]
    pub fn expect(&mut self, text: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let (lock, ready) = &*self.output;
        let mut output = lock.lock().unwrap();
        loop {
            let fresh = String::from_utf8_lossy(&output[self.seen..]).into_owned();
            if let Some(at) = fresh.find(text) {
                let upto = &fresh[..at + text.len()];
                self.seen += upto.len();
                return upto.replace("\r\n", "\n");
            }
            let now = std::time::Instant::now();
            if now >= deadline || output.last() == Some(&0) {
                panic!(
                    "{text:?} did not appear in:\n{:?}",
                    String::from_utf8_lossy(&output)
                );
            }
            output = ready.wait_timeout(output, deadline - now).unwrap().0;
        }
    }

    /// Waits for the child to exit and the terminal to close; returns the
    /// exit code and everything written since the last `expect`.
    #[track_caller]
    pub fn finish(mut self) -> (Option<i32>, String) {
        let code = self.wait_for_exit();
        let (lock, ready) = &*self.output;
        let mut output = lock.lock().unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while output.last() != Some(&0) {
            let now = std::time::Instant::now();
            assert!(now < deadline, "the terminal did not close");
            output = ready.wait_timeout(output, deadline - now).unwrap().0;
        }
        let rest = &output[self.seen..output.len() - 1];
        (code, String::from_utf8_lossy(rest).replace("\r\n", "\n"))
    }

    /// Waits (at most 20 s) for the child to exit; returns its exit code.
    #[track_caller]
    pub fn wait(mut self) -> Option<i32> {
        self.wait_for_exit()
    }

    #[track_caller]
    fn wait_for_exit(&mut self) -> Option<i32> {
        use wait_timeout::ChildExt;
        match self
            .child
            .wait_timeout(std::time::Duration::from_secs(20))
            .unwrap()
        {
            Some(status) => status.code(),
            None => panic!("claude did not exit"),
        }
    }
}

impl Drop for Session {
    /// A failed test must not leave the child running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
