//! How paths are shown: relative to the working folder when under it, with `/` separators.

use std::path::{Component, Path, PathBuf};

pub fn display(path: &Path) -> String {
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let absolute = std::path::absolute(path).ok()?;
            absolute.strip_prefix(&cwd).ok().map(Path::to_path_buf)
        })
        .filter(|relative| !relative.as_os_str().is_empty())
        .unwrap_or_else(|| clean(path));
    shown.to_string_lossy().replace('\\', "/")
}

/// Drops `.` components so `./docs/adr/x.md` shows as `docs/adr/x.md`.
fn clean(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}
