//! Windows: each check's process in a Job Object of its own, so that killing the job kills
//! every process the check started, and closing the grader's handle (the grader ending, however
//! it ends) kills them too.
#![allow(unsafe_code)]

use std::os::windows::io::AsRawHandle as _;
use std::sync::Mutex;

use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
use windows_sys::Win32::System::JobObjects::{
    AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectExtendedLimitInformation,
    SetInformationJobObject, TerminateJobObject,
};

/// The job of each running check, by the check's process id (handles kept as numbers).
static JOBS: Mutex<Vec<(u32, usize)>> = Mutex::new(Vec::new());

/// Puts a check's process, just started, into a job of its own.
pub(crate) fn contain(child: &std::process::Child) {
    // SAFETY: the job handle is created, configured and kept here; the process handle is the
    // child's own, valid while `child` lives.
    unsafe {
        let job = CreateJobObjectW(std::ptr::null(), std::ptr::null());
        if job.is_null() {
            return;
        }
        let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
        info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        SetInformationJobObject(
            job,
            JobObjectExtendedLimitInformation,
            (&raw const info).cast(),
            size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
        );
        AssignProcessToJobObject(job, child.as_raw_handle() as HANDLE);
        let mut jobs = JOBS.lock().unwrap_or_else(|e| e.into_inner());
        jobs.push((child.id(), job as usize));
    }
}

/// Kills every process of the job of check `pid`, and forgets the job.
pub(crate) fn kill(pid: i32) {
    let mut jobs = JOBS.lock().unwrap_or_else(|e| e.into_inner());
    let Some(at) = jobs
        .iter()
        .position(|&(id, _)| i64::from(id) == i64::from(pid))
    else {
        return;
    };
    let (_, job) = jobs.swap_remove(at);
    // SAFETY: a job handle created by `contain`, closed once, here.
    unsafe {
        TerminateJobObject(job as HANDLE, 1);
        CloseHandle(job as HANDLE);
    }
}
