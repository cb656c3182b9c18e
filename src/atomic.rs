//! Files the user asked for (`--output-file`, `--write-baseline`) are written to a temporary
//! file in the target's folder and renamed into place: a reader, or a CI step that uploads the
//! file, never sees half a report, and a failed run leaves the previous file as it was.

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Writes what `fill` writes to `path`, replacing it atomically.
pub fn replace(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = tempfile::Builder::new()
        .prefix(".adrlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let mut out = BufWriter::new(temp);
    fill(&mut out)?;
    let temp = out.into_inner().map_err(|error| error.into_error())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.sarif");
        std::fs::write(&path, "old").unwrap();
        replace(&path, |out: &mut dyn Write| out.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let failed = replace(&path, |_: &mut dyn Write| Err(io::Error::other("boom")));
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
