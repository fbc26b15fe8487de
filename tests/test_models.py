"""Model packages: verified install from files and from a local index; removal."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from bilingual.engines.argos import packages as models
from bilingual.errors import ModelError

from conftest import FIXTURE_MODEL


def make_zip(path, members: dict[str, bytes], symlink: str | None = None):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (0o120777) << 16
            z.writestr(info, "/etc/passwd")
    return path


GOOD = {
    "pkg/metadata.json": json.dumps({"from_code": "en", "to_code": "ar", "package_version": "1.0"}).encode(),
    "pkg/model/model.bin": b"x",
    "pkg/sentencepiece.model": b"x",
}


def test_install_fixture_from_file(empty_packages):
    model = models.install_file(FIXTURE_MODEL)
    assert model.path == empty_packages / "translate-en_ar-fixture"
    assert (model.path / "model" / "model.bin").is_file()
    found = models.find("en", "ar")
    assert found is not None and found.version == "0.2"
    assert models.model_checksum(found) == "sha256:" + hashlib.sha256(FIXTURE_MODEL.read_bytes()).hexdigest()
    # Reinstalling replaces the package in place.
    models.install_file(FIXTURE_MODEL)
    assert [m.name for m in models.installed()] == ["translate-en_ar-fixture"]
    assert not [p for p in empty_packages.iterdir() if p.name.startswith(".installing")]


@pytest.mark.parametrize(
    "members, symlink, message",
    [
        ({"../evil/metadata.json": b"{}"}, None, "unsafe path"),
        ({"/abs/metadata.json": b"{}"}, None, "unsafe path"),
        (dict(GOOD), "pkg/link", "symbolic link"),
        ({**GOOD, "other/x": b"1"}, None, "exactly one top-level folder"),
        ({k: v for k, v in GOOD.items() if "metadata" not in k}, None, "lacks metadata.json"),
        ({k: v for k, v in GOOD.items() if "model.bin" not in k}, None, "lacks model/model.bin"),
        ({k: v for k, v in GOOD.items() if "sentencepiece" not in k}, None, "lacks sentencepiece.model"),
        ({**GOOD, "pkg/metadata.json": b"{not json"}, None, "not valid JSON"),
        ({**GOOD, "pkg/metadata.json": b'{"from_code": "en"}'}, None, "lacks to_code"),
        ({**GOOD, "pkg/metadata.json": b'{"from_code": "en", "to_code": "../../x"}'}, None, "not a language code"),
        (
            {**GOOD, "pkg/metadata.json": b'{"from_code": "en", "to_code": "ar", "pad": "' + b"x" * 70_000 + b'"}'},
            None,
            "over 64 KB",
        ),
        ({**GOOD, "pkg/model/model.bin": b"\0" * (8 << 20)}, None, "zip bomb"),
    ],
)
def test_bad_archives_are_refused_and_nothing_is_written(tmp_path, empty_packages, members, symlink, message):
    bad = make_zip(tmp_path / "bad.argosmodel", members, symlink)
    with pytest.raises(ModelError, match=message):
        models.install_file(bad)
    assert not empty_packages.exists() or not any(empty_packages.iterdir())
    assert not (tmp_path.parent / "evil").exists()


def test_not_a_zip(tmp_path, empty_packages):
    bad = tmp_path / "x.argosmodel"
    bad.write_bytes(b"plain bytes")
    with pytest.raises(ModelError, match="not a zip"):
        models.install_file(bad)


def test_corrupt_member_crc(tmp_path, empty_packages):
    path = make_zip(tmp_path / "c.argosmodel", {**GOOD, "pkg/model/model.bin": b"A" * 4000})
    data = bytearray(path.read_bytes())
    pos = data.find(b"A" * 100)
    data[pos + 50] = ord("B")
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="corrupt"):
        models.install_file(path)


def write_index(tmp_path, sha256: str | None, link: str) -> str:
    entry = {
        "type": "translate",
        "from_code": "en",
        "to_code": "ar",
        "from_name": "English",
        "to_name": "Arabic",
        "package_version": "0.2",
        "argos_version": "1.9",
        "links": [link],
    }
    if sha256:
        entry["sha256"] = sha256
    index = tmp_path / "index.json"
    index.write_text(json.dumps([entry]))
    return str(index)


def test_install_from_local_index_with_checksum(tmp_path, empty_packages):
    digest = hashlib.sha256(FIXTURE_MODEL.read_bytes()).hexdigest()
    index = write_index(tmp_path, digest, FIXTURE_MODEL.as_uri())
    seen = []
    model = models.install_from_index("en", "ar", index=index, progress=lambda d, t: seen.append((d, t)))
    assert model.name == "translate-en_ar-fixture"
    assert seen and seen[-1][0] == FIXTURE_MODEL.stat().st_size
    assert not [p for p in empty_packages.iterdir() if p.suffix == ".part"]


def test_checksum_mismatch_is_refused(tmp_path, empty_packages):
    index = write_index(tmp_path, "0" * 64, FIXTURE_MODEL.as_uri())
    with pytest.raises(ModelError, match="checksum mismatch"):
        models.install_from_index("en", "ar", index=index)
    assert models.installed() == []
    assert not [p for p in empty_packages.iterdir() if not p.name.startswith(".bilingual-install")]


def test_unreachable_index(empty_packages):
    with pytest.raises(ModelError, match="cannot read the package index") as info:
        models.install_from_index("en", "ar")
    assert "--file" in str(info.value)


def test_index_without_pair(tmp_path, empty_packages):
    index = tmp_path / "index.json"
    index.write_text("[]")
    with pytest.raises(ModelError, match="no en→ar package"):
        models.install_from_index("en", "ar", index=str(index))


def test_remove_by_pair(empty_packages):
    models.install_file(FIXTURE_MODEL)
    removed = models.remove("en-ar")
    assert [m.name for m in removed] == ["translate-en_ar-fixture"]
    assert models.installed() == []
    with pytest.raises(ModelError):
        models.remove("en-ar")


def test_available_reads_argos_index_format(tmp_path):
    from bilingual.engines.argos import index as package_index

    index = package_index.load_index(write_index(tmp_path, None, "file:///nowhere"))
    pkgs = package_index.available(index, "en", "ar")
    assert len(pkgs) == 1 and pkgs[0].to_name == "Arabic"


def test_duplicate_member_names_are_refused(tmp_path, empty_packages):
    import warnings

    path = tmp_path / "dup.argosmodel"
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as z:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is told to write
        for name, data in GOOD.items():
            z.writestr(name, data)
        z.writestr("pkg/model/model.bin", b"y")
    with pytest.raises(ModelError, match="twice"):
        models.install_file(path)
    assert not empty_packages.exists() or not any(empty_packages.iterdir())


def test_argos_layout_is_read_as_argostranslate_reads_it(tmp_path, monkeypatch):
    """Without argostranslate installed: its data folder, settings.json, packages folder and index."""
    import json

    from bilingual.engines.argos import layout

    for var in ("ARGOS_PACKAGES_DIR", "ARGOS_PACKAGE_INDEX", "SNAP_USER_DATA"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert layout.packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    assert layout.index_url() == layout.DEFAULT_INDEX_BASE + "index.json"
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "pk"), "ARGOS_PACKAGE_INDEX": "file:///x/"}))
    assert layout.packages_dir() == tmp_path / "pk" and layout.index_url() == "file:///x/index.json"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "env"))  # the environment wins
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "file:///y/all.json")
    assert layout.packages_dir() == tmp_path / "env" and layout.index_url() == "file:///y/all.json"


def test_the_default_install_pulls_no_torch_stanza_spacy_or_argostranslate():
    import tomllib

    from conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(project["dependencies"]).lower()
    for heavy in ("argostranslate", "torch", "stanza", "spacy", "transformers"):
        assert heavy not in core
