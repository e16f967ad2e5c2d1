//! [`CheckAlloc`]: dhat's allocator with the check's memory ceiling inside it, so that a huge
//! allocation fails the same way on every operating system, whether or not it enforces
//! `RLIMIT_AS` (macOS does not; Windows has no such limit).
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes live through this allocator, and the most it may hold (0: no ceiling, as in the
/// grader's own process and in the book's listings).
static LIVE: AtomicU64 = AtomicU64::new(0);
static CEILING: AtomicU64 = AtomicU64::new(0);

/// The global allocator for an exercise's checks: [`dhat::Alloc`], which counts every
/// allocation, with the check's memory ceiling (1 GiB by default) inside it.
///
/// An allocation that would take the check past its ceiling returns null, so Rust reports
/// "memory allocation of N bytes failed" and the grader's verdict is "allocation failed",
/// on Linux, macOS and Windows alike. Every figure dhat measures stays the same.
///
/// ```
/// #[global_allocator]
/// static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;
/// ```
pub struct CheckAlloc;

/// Sets the ceiling of this process's [`CheckAlloc`], in bytes.
pub(crate) fn set_ceiling(bytes: u64) {
    CEILING.store(bytes, Ordering::SeqCst);
}

fn admits(size: usize) -> bool {
    let ceiling = CEILING.load(Ordering::Relaxed);
    let size = size as u64;
    if ceiling == 0 {
        LIVE.fetch_add(size, Ordering::Relaxed);
        return true;
    }
    LIVE.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |live| {
        live.checked_add(size).filter(|&after| after <= ceiling)
    })
    .is_ok()
}

fn released(size: usize) {
    LIVE.fetch_sub(size as u64, Ordering::Relaxed);
}

// SAFETY: every call goes to dhat's allocator unchanged; the ceiling only refuses (returns
// null), which GlobalAlloc allows, and the byte count is kept on both sides of each call.
unsafe impl GlobalAlloc for CheckAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !admits(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: the caller's layout, passed on.
        let block = unsafe { dhat::Alloc.alloc(layout) };
        if block.is_null() {
            released(layout.size());
        }
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !admits(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: the caller's layout, passed on.
        let block = unsafe { dhat::Alloc.alloc_zeroed(layout) };
        if block.is_null() {
            released(layout.size());
        }
        block
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's block and layout, passed on.
        unsafe { dhat::Alloc.dealloc(ptr, layout) };
        released(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = layout.size();
        if new_size > old && !admits(new_size - old) {
            return std::ptr::null_mut();
        }
        // SAFETY: the caller's block, layout and size, passed on.
        let block = unsafe { dhat::Alloc.realloc(ptr, layout, new_size) };
        match (block.is_null(), new_size > old) {
            (true, true) => released(new_size - old),
            (false, false) => released(old - new_size),
            _ => {}
        }
        block
    }
}
