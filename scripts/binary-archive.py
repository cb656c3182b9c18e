"""Packs the adrlint binary of a built wheel into a release archive, so that the binaries
attached to a GitHub release are the ones the wheels carry.

Usage: python scripts/binary-archive.py WHEEL TARGET TAG OUT_DIR
Writes OUT_DIR/adrlint-TAG-TARGET.tar.gz (a .zip for Windows targets) holding adrlint (or
adrlint.exe), README.md and the licence files, and prints the archive's path.
"""

import io
import pathlib
import sys
import tarfile
import zipfile


def main(wheel: str, target: str, tag: str, out_dir: str) -> pathlib.Path:
    root = pathlib.Path(__file__).resolve().parent.parent
    windows = "windows" in target
    exe = "adrlint.exe" if windows else "adrlint"
    with zipfile.ZipFile(wheel) as archive:
        binaries = [n for n in archive.namelist() if n.endswith(f".data/scripts/{exe}")]
        if len(binaries) != 1:
            raise SystemExit(f"{wheel}: expected one {exe} in the wheel's scripts, found {binaries}")
        binary = archive.read(binaries[0])
    name = f"adrlint-{tag}-{target}"
    files = {exe: binary}
    for extra in ("README.md", "LICENSE-MIT", "LICENSE-APACHE"):
        files[extra] = (root / extra).read_bytes()
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if windows:
        path = out / f"{name}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in files.items():
                archive.writestr(f"{name}/{member}", data)
    else:
        path = out / f"{name}.tar.gz"
        with tarfile.open(path, "w:gz") as archive:
            for member, data in files.items():
                info = tarfile.TarInfo(f"{name}/{member}")
                info.size = len(data)
                info.mode = 0o755 if member == exe else 0o644
                archive.addfile(info, io.BytesIO(data))
    print(path)
    return path


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
