//! Runs a second portal on `synchronous = NORMAL`, to measure what the portal's
//! `synchronous = FULL` costs (measurement 5).
//!
//! The portal sets `PRAGMA synchronous = FULL` on every connection of its pool and offers no
//! switch. SQLite lets a process hook every connection it opens
//! (`sqlite3_auto_extension`): for a database file whose path contains [`NORMAL_MARK`],
//! the hook sets `synchronous = NORMAL` and installs an authorizer that silently ignores
//! any later `PRAGMA synchronous = …` on that connection (SQLite skips a pragma whose
//! authorization answers `SQLITE_IGNORE`), so the portal's own `FULL` does not take.
//! Connections to every other file are left alone. The bench checks the result through the
//! portal's own `SqlStore::sqlite_synchronous`.
//!
//! This is the only unsafe code of the workspace, and it is here, not in the portal: calls
//! into the SQLite library that sqlx and rusqlite already link into the process (one copy,
//! compiled in by `libsqlite3-sys`), declared here with the C API's signatures.

#![expect(
    unsafe_code,
    reason = "FFI to SQLite: an auto-extension and an authorizer, see the module docs"
)]

use std::ffi::{CStr, c_char, c_int, c_void};
use std::sync::Once;

/// `SQLITE_OK`.
const SQLITE_OK: c_int = 0;
/// `SQLITE_IGNORE`: an authorizer's "skip this" (for a pragma: not run, no error).
const SQLITE_IGNORE: c_int = 2;
/// `SQLITE_PRAGMA`: the authorizer's action code for a pragma (name, value).
const SQLITE_PRAGMA: c_int = 19;

/// An open connection (`sqlite3 *`), opaque here.
type Db = *mut c_void;
/// `int (*)(sqlite3 *, char **, const sqlite3_api_routines *)`.
type EntryPoint = unsafe extern "C" fn(Db, *mut *mut c_char, *const c_void) -> c_int;
/// `int (*)(void *, int, const char *, const char *, const char *, const char *)`.
type Authorizer = unsafe extern "C" fn(
    *mut c_void,
    c_int,
    *const c_char,
    *const c_char,
    *const c_char,
    *const c_char,
) -> c_int;

unsafe extern "C" {
    fn sqlite3_auto_extension(entry: Option<EntryPoint>) -> c_int;
    fn sqlite3_db_filename(db: Db, name: *const c_char) -> *const c_char;
    fn sqlite3_exec(
        db: Db,
        sql: *const c_char,
        callback: *mut c_void,
        arg: *mut c_void,
        errmsg: *mut *mut c_char,
    ) -> c_int;
    fn sqlite3_set_authorizer(db: Db, auth: Option<Authorizer>, data: *mut c_void) -> c_int;
}

/// A data directory whose path contains this runs its SQLite file on `synchronous = NORMAL`.
pub const NORMAL_MARK: &str = "sync-normal";

static REGISTER: Once = Once::new();

/// Installs the hook for connections opened from now on (once per process).
pub fn install() -> anyhow::Result<()> {
    let mut rc = SQLITE_OK;
    REGISTER.call_once(|| {
        // SAFETY: `on_open` has the signature SQLite calls auto-extensions with.
        rc = unsafe { sqlite3_auto_extension(Some(on_open)) };
    });
    anyhow::ensure!(rc == SQLITE_OK, "sqlite3_auto_extension failed: {rc}");
    Ok(())
}

/// Called by SQLite for every connection the process opens, before it is used.
unsafe extern "C" fn on_open(db: Db, _err: *mut *mut c_char, _api: *const c_void) -> c_int {
    // SAFETY: `db` is the connection being opened; "main" is a valid C string. The
    // returned name (NULL or "" for temporary databases) lives as long as the connection.
    let name = unsafe { sqlite3_db_filename(db, c"main".as_ptr()) };
    if name.is_null() {
        return SQLITE_OK;
    }
    // SAFETY: non-NULL, NUL-terminated (see above).
    let path = unsafe { CStr::from_ptr(name) }.to_string_lossy();
    if !path.contains(NORMAL_MARK) {
        return SQLITE_OK;
    }
    // SAFETY: `db` is open; the SQL is a valid C string; no callback, no error message
    // wanted.
    let rc = unsafe {
        sqlite3_exec(
            db,
            c"PRAGMA synchronous = NORMAL".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        )
    };
    if rc != SQLITE_OK {
        return rc;
    }
    // SAFETY: `keep_synchronous` has the authorizer's signature and uses no user data.
    unsafe { sqlite3_set_authorizer(db, Some(keep_synchronous), std::ptr::null_mut()) }
}

/// The authorizer: ignores `PRAGMA synchronous = …` (a read, without a value, passes);
/// allows everything else.
unsafe extern "C" fn keep_synchronous(
    _data: *mut c_void,
    action: c_int,
    arg1: *const c_char,
    arg2: *const c_char,
    _db: *const c_char,
    _trigger: *const c_char,
) -> c_int {
    if action != SQLITE_PRAGMA || arg1.is_null() || arg2.is_null() {
        return SQLITE_OK;
    }
    // SAFETY: for SQLITE_PRAGMA, arg1 is the pragma's name as a C string (checked non-NULL).
    let pragma = unsafe { CStr::from_ptr(arg1) };
    if pragma.to_bytes().eq_ignore_ascii_case(b"synchronous") {
        SQLITE_IGNORE
    } else {
        SQLITE_OK
    }
}
