//! The operating-system calls the grader needs: the run's guards, a check's secret read
//! before any of the reader's code runs, a memory cap, process trees it can kill whole, and a
//! watchdog process for the run.
//!
//! This is the crate's only `unsafe` code besides the allocators. Every call is a plain libc
//! (or Win32) function on values this module owns; the signal and exit handlers call only
//! async-signal-safe functions (`write`, `kill`, `_exit`) and read only atomics.
#![allow(unsafe_code)]

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, AtomicUsize, Ordering};

use crate::limits::MAX_CHECK_GROUPS;

/// Set in the watchdog's process: the grader's process id.
pub(crate) const WATCHDOG_ENV: &str = "SEEK_AND_DESTROY_WATCHDOG";

/// Set once the grader itself is about to end the process; an exit before that is not ours.
static FINISHED: AtomicBool = AtomicBool::new(false);

/// The process groups of running checks, so that a deadline or Ctrl-C can kill them all.
static CHECK_GROUPS: [AtomicI32; MAX_CHECK_GROUPS] =
    [const { AtomicI32::new(0) }; MAX_CHECK_GROUPS];

/// The longest secret the grader hands a check (it sends 32 hex digits).
const NONCE_CAPACITY: usize = 64;
/// A check's secret, XORed with [`NONCE_MASK`], so that it appears nowhere in the process's
/// memory as text.
static NONCE_MASKED: [AtomicU8; NONCE_CAPACITY] = [const { AtomicU8::new(0) }; NONCE_CAPACITY];
static NONCE_MASK: [AtomicU8; NONCE_CAPACITY] = [const { AtomicU8::new(0) }; NONCE_CAPACITY];
static NONCE_LEN: AtomicUsize = AtomicUsize::new(0);

const EXITED_EARLY: &[u8] =
    b"\nseek-and-destroy: the process ended before the grader could finish, so no \
check can count as passed. Unless a panic is shown above, look for a call to \
std::process::exit, or for code that runs before main (a constructor) in your crate.\n";
const PAST_DEADLINE: &[u8] =
    b"\nseek-and-destroy: the run passed its deadline and was stopped. A check that \
never ends is stopped on its own; this means something else hung: code that runs before main \
(a constructor) in your crate, or a thread it started. Every check process was killed.\n";

/// Installs the run's guards; `exercise!` runs it before `main`, ahead of the reader's own
/// constructors (a prioritised `.init_array` entry on Linux, `__mod_init_func` on macOS,
/// `.CRT$XCT` on Windows).
///
/// - In a check's process: reads the check's secret from standard input with one raw read,
///   keeps it masked, and points standard input at the null device, so that no code of the
///   reader's finds it there; and an exit guard.
/// - In the watchdog's process: serves as the watchdog, and never returns.
/// - In the grader's process: an exit handler (a process that ends through `exit` before the
///   grader says it is done ends with status 101 and a message, so code that prints a fake
///   summary and exits with 0 cannot pass); a deadline, whose signal kills every check process
///   and ends the run; Ctrl-C and `kill` kill every check process too; on Linux, the grader
///   adopts whatever a check leaves behind (a child subreaper); and it starts the watchdog.
#[doc(hidden)]
pub extern "C" fn guard_run() {
    if let Some(grader) = env_text(WATCHDOG_ENV) {
        crate::watchdog::serve(grader.trim().parse().unwrap_or(0))
    }
    if env_text(crate::protocol::CHECK_ENV).is_some() {
        take_secret_from_stdin();
        install_exit_guard();
        return;
    }
    install_exit_guard();
    #[cfg(unix)]
    // SAFETY: registering handlers; they only touch atomics and call async-signal-safe
    // functions. prctl with these arguments changes only this process's own attributes.
    unsafe {
        let deadline: extern "C" fn(libc::c_int) = on_deadline;
        let interrupted: extern "C" fn(libc::c_int) = on_interrupt;
        libc::signal(libc::SIGALRM, deadline as libc::sighandler_t);
        libc::signal(libc::SIGINT, interrupted as libc::sighandler_t);
        libc::signal(libc::SIGTERM, interrupted as libc::sighandler_t);
        #[cfg(target_os = "linux")]
        libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1);
    }
    set_deadline(crate::limits::startup_deadline().as_secs());
    crate::watchdog::start();
}

/// An environment variable, read in a way that works before `main`.
fn env_text(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn install_exit_guard() {
    #[cfg(unix)]
    // SAFETY: atexit stores a function pointer; `on_exit` only reads an atomic and calls
    // async-signal-safe functions.
    unsafe {
        libc::atexit(on_exit);
    }
    #[cfg(windows)]
    {
        // The C runtime's own, which `exit` runs on Windows too.
        unsafe extern "C" {
            fn atexit(handler: extern "C" fn()) -> i32;
        }
        // SAFETY: as on Unix: a function pointer, stored.
        unsafe {
            atexit(on_exit);
        }
    }
}

/// Reads the secret line the grader wrote, straight from file descriptor 0 into a stack
/// buffer (std's buffered stdin never holds it), stores it masked, wipes the buffer, and
/// points standard input at the null device.
fn take_secret_from_stdin() {
    let mut buffer = [0u8; NONCE_CAPACITY];
    let len = read_line_raw(&mut buffer);
    let mut mask = [0u8; NONCE_CAPACITY];
    fill_random(&mut mask);
    for at in 0..len {
        NONCE_MASK[at].store(mask[at], Ordering::SeqCst);
        NONCE_MASKED[at].store(buffer[at] ^ mask[at], Ordering::SeqCst);
    }
    NONCE_LEN.store(len, Ordering::SeqCst);
    wipe(&mut buffer);
    wipe(&mut mask);
    stdin_from_null_device();
}

/// Overwrites `bytes` with zeros in a way the optimiser keeps.
pub(crate) fn wipe(bytes: &mut [u8]) {
    for byte in bytes {
        // SAFETY: a valid, exclusive reference to one byte.
        unsafe { std::ptr::write_volatile(byte, 0) };
    }
}

/// Whether [`guard_run`] read a secret: this process was started by the grader.
pub(crate) fn has_nonce() -> bool {
    NONCE_LEN.load(Ordering::SeqCst) > 0
}

/// The secret read by [`guard_run`], unmasked, if there was one. Call it only once the
/// reader's code has run.
pub(crate) fn take_nonce() -> Option<Vec<u8>> {
    let len = NONCE_LEN.load(Ordering::SeqCst);
    let nonce: Vec<u8> = (0..len)
        .map(|at| NONCE_MASKED[at].load(Ordering::SeqCst) ^ NONCE_MASK[at].load(Ordering::SeqCst))
        .collect();
    (!nonce.is_empty()).then_some(nonce)
}

#[cfg(unix)]
fn read_line_raw(buffer: &mut [u8]) -> usize {
    fill_line(buffer, |tail| {
        // SAFETY: reads into the unused tail of a buffer the caller owns.
        let got = unsafe { libc::read(0, tail.as_mut_ptr().cast(), tail.len()) };
        usize::try_from(got).unwrap_or(0)
    })
}

#[cfg(windows)]
fn read_line_raw(buffer: &mut [u8]) -> usize {
    use std::io::Read as _;
    use std::os::windows::io::{AsRawHandle as _, FromRawHandle as _};
    // Not std's buffered stdin: a File on the same handle, never closed here.
    let handle = std::io::stdin().as_raw_handle();
    // SAFETY: the handle is this process's standard input, valid for its whole life;
    // ManuallyDrop keeps the File from closing it.
    let mut file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_handle(handle) });
    fill_line(buffer, |tail| file.read(tail).unwrap_or(0))
}

/// Fills `buffer` from `read_some` (which returns 0 at the end or on an error) until a line
/// ends or the buffer is full, and returns the length of the first line, without its end.
#[cfg(any(unix, windows))]
fn fill_line(buffer: &mut [u8], mut read_some: impl FnMut(&mut [u8]) -> usize) -> usize {
    let mut len = 0;
    while len < buffer.len() {
        let got = read_some(&mut buffer[len..]);
        if got == 0 {
            break;
        }
        len += got;
        if buffer[..len].contains(&b'\n') {
            break;
        }
    }
    buffer[..len]
        .iter()
        .position(|&byte| byte == b'\n' || byte == b'\r')
        .unwrap_or(len)
}

#[cfg(not(any(unix, windows)))]
fn read_line_raw(_buffer: &mut [u8]) -> usize {
    0
}

#[cfg(unix)]
fn fill_random(bytes: &mut [u8]) {
    // SAFETY: open, read and close on a descriptor this function owns, into a buffer it owns.
    unsafe {
        let fd = libc::open(c"/dev/urandom".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC);
        if fd >= 0 {
            libc::read(fd, bytes.as_mut_ptr().cast(), bytes.len());
            libc::close(fd);
        }
    }
}

#[cfg(not(unix))]
fn fill_random(bytes: &mut [u8]) {
    use std::hash::{BuildHasher as _, Hasher as _};
    for chunk in bytes.chunks_mut(8) {
        let hasher = std::collections::hash_map::RandomState::new().build_hasher();
        let word = hasher.finish().to_le_bytes();
        chunk.copy_from_slice(&word[..chunk.len()]);
    }
}

#[cfg(unix)]
fn stdin_from_null_device() {
    // SAFETY: plain descriptor calls; fd 0 is replaced, the temporary one closed.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY);
        if null >= 0 {
            libc::dup2(null, 0);
            if null != 0 {
                libc::close(null);
            }
        }
    }
}

#[cfg(windows)]
fn stdin_from_null_device() {
    use std::os::windows::io::IntoRawHandle as _;
    use windows_sys::Win32::System::Console::{STD_INPUT_HANDLE, SetStdHandle};
    if let Ok(null) = std::fs::File::open("NUL") {
        // SAFETY: hands the process a valid handle it keeps for its whole life.
        unsafe {
            SetStdHandle(STD_INPUT_HANDLE, null.into_raw_handle().cast());
        }
    }
}

#[cfg(not(any(unix, windows)))]
fn stdin_from_null_device() {}

/// Writes the harness's report line straight to standard output, after what std still
/// buffers, and ends the check's process with status 0 at once: no exit handler or
/// destructor of the reader's runs after it.
pub(crate) fn report_and_leave(mut line: Vec<u8>) -> ! {
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    let written = write_all_raw(&line);
    wipe(&mut line);
    FINISHED.store(true, Ordering::SeqCst);
    if written {
        leave(0)
    }
    leave(2)
}

#[cfg(unix)]
fn write_all_raw(mut bytes: &[u8]) -> bool {
    while !bytes.is_empty() {
        // SAFETY: writes from a valid slice to this process's standard output.
        let wrote = unsafe { libc::write(1, bytes.as_ptr().cast(), bytes.len()) };
        if wrote <= 0 {
            return false;
        }
        bytes = &bytes[wrote as usize..];
    }
    true
}

#[cfg(not(unix))]
fn write_all_raw(bytes: &[u8]) -> bool {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).is_ok()
}

/// Ends the process now, running no exit handler.
fn leave(code: i32) -> ! {
    #[cfg(unix)]
    // SAFETY: _exit ends the process; nothing is touched after it.
    unsafe {
        libc::_exit(code)
    }
    #[cfg(windows)]
    // SAFETY: TerminateProcess on this process ends it; no exit handler runs.
    unsafe {
        use windows_sys::Win32::System::Threading::{GetCurrentProcess, TerminateProcess};
        TerminateProcess(GetCurrentProcess(), code as u32);
        std::process::abort()
    }
    #[cfg(not(any(unix, windows)))]
    std::process::exit(code)
}

/// Replaces the run's deadline: `seconds` from now, or none for 0. The watchdog holds the
/// same deadline, so that ignoring the signal does not switch it off.
pub(crate) fn set_deadline(seconds: u64) {
    #[cfg(unix)]
    // SAFETY: alarm takes a plain number and has no preconditions.
    unsafe {
        libc::alarm(u32::try_from(seconds).unwrap_or(u32::MAX));
    }
    crate::watchdog::tell(&format!("deadline {seconds}"));
}

/// Ends the process with `code`, as the grader's own last word.
pub(crate) fn finish(code: i32) -> ! {
    crate::watchdog::tell("done");
    FINISHED.store(true, Ordering::SeqCst);
    std::process::exit(code)
}

/// Caps the address space of this process at `bytes`, where the system enforces it (Linux;
/// macOS accepts the call but ignores it), as a second line behind the allocator's own cap.
pub(crate) fn limit_address_space(bytes: u64) -> std::io::Result<()> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let limit = libc::rlimit {
            rlim_cur: bytes as libc::rlim_t,
            rlim_max: bytes as libc::rlim_t,
        };
        // SAFETY: setrlimit reads a valid, initialised struct and touches nothing else.
        if unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    let _ = bytes;
    Ok(())
}

/// Held while a check's process is started and recorded, and while orphans are reaped, so
/// that a check just started is never mistaken for one.
static SPAWNING: Mutex<()> = Mutex::new(());

/// Starts a check's process in a process group of its own (a Job Object on Windows) that
/// dies with the grader, and records it for [`kill_all_checks`] and the watchdog.
pub(crate) fn spawn_check(
    command: &mut std::process::Command,
    name: &str,
) -> std::io::Result<std::process::Child> {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt as _;
        command.process_group(0);
        #[cfg(target_os = "linux")]
        {
            // SAFETY: getpid has no preconditions.
            let grader = unsafe { libc::getpid() };
            // SAFETY: between fork and exec, only async-signal-safe calls: prctl, getppid,
            // _exit.
            unsafe {
                command.pre_exec(move || {
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    // The grader died before the flag was set: it would never fire.
                    if libc::getppid() != grader {
                        libc::_exit(1);
                    }
                    Ok(())
                });
            }
        }
    }
    let _spawning = SPAWNING.lock().unwrap_or_else(|e| e.into_inner());
    let child = command.spawn()?;
    #[cfg(windows)]
    crate::job::contain(&child);
    // With process_group(0), the group's id is the child's pid.
    track_check(child.id());
    crate::watchdog::tell(&format!("start {} {name}", child.id()));
    Ok(child)
}

/// Remembers the process group of a running check, for [`kill_all_checks`].
fn track_check(group: u32) {
    let Ok(group) = i32::try_from(group) else {
        return;
    };
    for slot in &CHECK_GROUPS {
        if slot
            .compare_exchange(0, group, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            return;
        }
    }
}

/// Kills every process of a check's group, the check and whatever it started.
pub(crate) fn kill_check(group: u32) {
    if let Ok(group) = i32::try_from(group) {
        kill_group(group);
    }
}

/// After a check's process has been waited for: forgets it, and kills and reaps every process
/// the grader adopted (on Linux, whatever a check started outside its group, once its parent
/// is gone).
pub(crate) fn forget_check(group: u32) {
    let _spawning = SPAWNING.lock().unwrap_or_else(|e| e.into_inner());
    if let Ok(group) = i32::try_from(group) {
        for slot in &CHECK_GROUPS {
            let _ = slot.compare_exchange(group, 0, Ordering::SeqCst, Ordering::SeqCst);
        }
    }
    crate::watchdog::tell(&format!("end {group}"));
    #[cfg(target_os = "linux")]
    reap_adopted();
}

/// Kills and reaps the grader's children that are neither a running check nor the watchdog:
/// processes a check started and left behind, which the kernel hands to the subreaper.
#[cfg(target_os = "linux")]
fn reap_adopted() {
    // SAFETY: getpid has no preconditions.
    let me = unsafe { libc::getpid() };
    let watchdog = crate::watchdog::pid();
    // A process killed here may leave children of its own, adopted in turn.
    for _ in 0..100 {
        let adopted: Vec<i32> = children_of(me)
            .into_iter()
            .filter(|&pid| Some(pid) != watchdog)
            .filter(|pid| {
                !CHECK_GROUPS
                    .iter()
                    .any(|g| g.load(Ordering::SeqCst) == *pid)
            })
            .collect();
        if adopted.is_empty() {
            return;
        }
        for pid in adopted {
            // SAFETY: kill and waitpid on a child of this process, which only this function
            // waits for (std waits only for the checks it started).
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
                libc::kill(pid, libc::SIGKILL);
                libc::waitpid(pid, std::ptr::null_mut(), 0);
            }
        }
    }
}

/// The processes whose parent is `parent`, from `/proc`.
#[cfg(target_os = "linux")]
pub(crate) fn children_of(parent: i32) -> Vec<i32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&pid| parent_of(pid) == Some(parent))
        .collect()
}

/// A process's parent and state, from `/proc/PID/stat`.
#[cfg(target_os = "linux")]
pub(crate) fn stat_of(pid: i32) -> Option<(char, i32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name, in parentheses, may hold spaces: the fields start after the last `)`.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let parent = fields.next()?.parse().ok()?;
    Some((state, parent))
}

#[cfg(target_os = "linux")]
fn parent_of(pid: i32) -> Option<i32> {
    stat_of(pid).map(|(_, parent)| parent)
}

/// Whether a process with this id exists (and is not a zombie, where that can be known).
pub(crate) fn process_exists(pid: u32) -> bool {
    #[cfg(target_os = "linux")]
    {
        let Ok(pid) = i32::try_from(pid) else {
            return false;
        };
        stat_of(pid).is_some_and(|(state, _)| state != 'Z')
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        let Ok(pid) = i32::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        unsafe { libc::kill(pid, 0) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

fn kill_all_checks() {
    for slot in &CHECK_GROUPS {
        let group = slot.swap(0, Ordering::SeqCst);
        if group > 0 {
            kill_group(group);
        }
    }
}

/// Kills a process group (on Windows, the Job Object of the check whose process id it is).
pub(crate) fn kill_group(group: i32) {
    #[cfg(unix)]
    // SAFETY: kill takes plain numbers; a group that is already gone gives ESRCH, ignored.
    unsafe {
        libc::kill(-group, libc::SIGKILL);
    }
    #[cfg(windows)]
    crate::job::kill(group);
    #[cfg(not(any(unix, windows)))]
    let _ = group;
}

/// Kills one process.
pub(crate) fn kill_process(pid: i32) {
    #[cfg(unix)]
    // SAFETY: kill takes plain numbers.
    unsafe {
        libc::kill(pid, libc::SIGKILL);
    }
    #[cfg(not(unix))]
    let _ = pid;
}

/// Writes `message` to standard error without allocating.
pub(crate) fn say(message: &[u8]) {
    #[cfg(unix)]
    // SAFETY: write is async-signal-safe; the buffer is valid for its length.
    unsafe {
        libc::write(2, message.as_ptr().cast(), message.len());
    }
    #[cfg(not(unix))]
    {
        use std::io::Write as _;
        let _ = std::io::stderr().write_all(message);
    }
}

fn say_and_leave(message: &[u8], code: i32) -> ! {
    kill_all_checks();
    say(message);
    leave(code)
}

/// Ends the run at once: every check killed, `message` said, status 101.
pub(crate) fn abandon_run(message: &str) -> ! {
    say_and_leave(message.as_bytes(), 101)
}

#[cfg(any(unix, windows))]
extern "C" fn on_exit() {
    if !FINISHED.load(Ordering::SeqCst) {
        say_and_leave(EXITED_EARLY, 101);
    }
}

#[cfg(unix)]
extern "C" fn on_deadline(_signal: libc::c_int) {
    say_and_leave(PAST_DEADLINE, 101);
}

#[cfg(unix)]
extern "C" fn on_interrupt(signal: libc::c_int) {
    say_and_leave(b"\n", 128 + signal);
}

/// The message the watchdog gives when the run passes its deadline.
pub(crate) fn past_deadline_message() -> &'static [u8] {
    PAST_DEADLINE
}

/// What [`EXITED_EARLY`] starts with, for telling that ending apart in a check's log.
pub(crate) const EXITED_EARLY_MARK: &str = "seek-and-destroy: the process ended before the grader";

/// A signal's name and what usually sends it, for a check's report.
#[cfg_attr(not(unix), allow(dead_code))]
pub(crate) fn signal_cause(signal: i32) -> Option<(&'static str, &'static str)> {
    #[cfg(unix)]
    {
        let known: [(i32, &str, &str); 12] = [
            (
                libc::SIGABRT,
                "SIGABRT",
                "an abort: std::process::abort, a panic while panicking or in a panic hook, \
                 or a failed allocation",
            ),
            (
                libc::SIGSEGV,
                "SIGSEGV",
                "an invalid memory access, from `unsafe` code (or a stack overflow)",
            ),
            (
                libc::SIGBUS,
                "SIGBUS",
                "an invalid memory access, from `unsafe` code",
            ),
            (
                libc::SIGILL,
                "SIGILL",
                "an illegal instruction: std::intrinsics::abort, or `unsafe` code gone wrong",
            ),
            (
                libc::SIGTRAP,
                "SIGTRAP",
                "a trap instruction: core::intrinsics::breakpoint, or an abort on some platforms",
            ),
            (libc::SIGFPE, "SIGFPE", "an arithmetic fault"),
            (
                libc::SIGKILL,
                "SIGKILL",
                "a kill from outside: `kill -9`, or the system out of memory",
            ),
            (libc::SIGTERM, "SIGTERM", "a request to stop, from outside"),
            (libc::SIGINT, "SIGINT", "Ctrl-C"),
            (libc::SIGPIPE, "SIGPIPE", "a write to a closed pipe"),
            (libc::SIGXCPU, "SIGXCPU", "its CPU time limit"),
            (libc::SIGSYS, "SIGSYS", "a forbidden system call"),
        ];
        known
            .iter()
            .find(|(number, _, _)| *number == signal)
            .map(|&(_, name, cause)| (name, cause))
    }
    #[cfg(not(unix))]
    {
        let _ = signal;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_is_the_message_s_start() {
        let message = String::from_utf8_lossy(EXITED_EARLY);
        assert!(message.trim_start().starts_with(EXITED_EARLY_MARK));
    }

    #[cfg(unix)]
    #[test]
    fn an_abort_is_named() {
        assert_eq!(
            signal_cause(libc::SIGABRT).map(|(name, _)| name),
            Some("SIGABRT")
        );
        assert_eq!(signal_cause(1000), None);
    }
}
