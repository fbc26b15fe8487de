"""Model packages: list, install (index, file, Hugging Face), remove, convert."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bilingual import outputs
from bilingual.engines.argos import convert as converting
from bilingual.engines.argos import index as package_index
from bilingual.engines.argos import packages
from bilingual.errors import InputError
from bilingual.i18n import _
from bilingual.jobs.result import Result
from bilingual.progress import duration
from bilingual.workspace import Workspace


@dataclass(frozen=True)
class ModelsListRequest:
    available: bool = False  # the index's packages instead of the installed ones


def list_models(workspace: Workspace, request: ModelsListRequest, result: Result | None = None) -> Result:
    result = result if result is not None else Result()
    if request.available:
        for pkg in package_index.available(package_index.load_index(workspace.index)):
            result.data(f"{pkg.from_code}→{pkg.to_code}\t{pkg.package_version}\t{pkg.from_name} → {pkg.to_name}")
        return result
    found = packages.installed()
    if not found:
        result.say(_("no packages installed in {path}").format(path=packages.packages_dir()))
        return result
    default = packages.default_model_name()
    result.data("\t".join((_("name"), _("pair"), _("version"), _("size"), _("licence"), _("quality"), _("path"))))
    for model in found:
        mark = " *" if model.name == default else ""
        result.item(model.name, "installed", where=str(model.path))
        result.data(
            f"{model.name}{mark}\t{model.pair}\t{model.version or '-'}\t{model.size / 1e6:.0f} MB\t"
            f"{model.license or '-'}\t{model.quality or '-'}\t{model.path}"
        )
    return result


@dataclass(frozen=True)
class InstallRequest:
    pair: str = "en-ar"  # or hf:ORG/NAME
    file: str | None = None
    sha256: str | None = None
    progress: Callable[[int, int], None] | None = field(default=None, compare=False)


def install_model(workspace: Workspace, request: InstallRequest, result: Result | None = None) -> Result:
    """Install from a file (verified), from a Hugging Face Marian model (downloaded and converted),
    or from the package index (bounded, verified download)."""
    result = result if result is not None else Result()
    if request.file:
        model = packages.install_file(Path(request.file), expected_sha256=request.sha256)
    elif request.pair.startswith("hf:"):
        repo = request.pair[3:]
        folder = converting.download_hf(repo)
        with tempfile.TemporaryDirectory(prefix="bilingual-hf-") as work:
            package = Path(work) / "model.argosmodel"
            converting.convert(folder, package, name="translate-en_ar-" + repo.rsplit("/", 1)[-1], source=f"hf:{repo}")
            model = packages.install_file(package)
    else:
        src, _sep, tgt = request.pair.replace("_", "-").partition("-")
        if not tgt:
            raise InputError(_("give a pair such as en-ar"), hint=_("bilingual models install en-ar"))
        model = packages.install_from_index(src, tgt, index=workspace.index, progress=request.progress)
    result.item(model.name, "installed", where=str(model.path))
    result.say(
        _("installed {name} ({pair}, version {version}) in {path}").format(
            name=model.name, pair=model.pair, version=model.version or "?", path=model.path.parent
        )
    )
    return result


@dataclass(frozen=True)
class RemoveModelRequest:
    name: str


def remove_model(workspace: Workspace, request: RemoveModelRequest, result: Result | None = None) -> Result:
    result = result if result is not None else Result()
    for model in packages.remove(request.name):
        result.item(model.name, "removed")
        result.say(_("removed {name}").format(name=model.name))
    return result


@dataclass(frozen=True)
class ConvertRequest:
    source: str
    output: str
    name: str = ""
    quantization: str = "int8"
    target_prefix: str = ""
    prefix_side: str = "source"
    license: str = ""
    origin: str = ""
    quality: str = ""
    overwrite: bool = False


def is_package(data: bytes) -> bool:
    """An earlier package: a zip archive holding a metadata.json."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(name.endswith("metadata.json") for name in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def convert_model(workspace: Workspace, request: ConvertRequest, result: Result | None = None) -> Result:
    """Convert a Marian folder or OPUS-MT zip into a package; the output never replaces the source or a
    file inside it, nor a file that is not an earlier package (without ``overwrite``)."""
    result = result if result is not None else Result()
    outputs.check(
        request.output,
        protected=outputs.protect(inputs=(request.source,)),
        overwrite=request.overwrite,
        own=is_package,
        what=_("an earlier model package"),
    )
    result.progress(_("converting {source} (loading the model, converting its weights, packing: a minute or more)…")
                    .format(source=request.source))  # fmt: skip
    started = time.perf_counter()
    package = converting.convert(
        Path(request.source),
        Path(request.output),
        name=request.name,
        quantization=request.quantization,
        target_prefix=request.target_prefix,
        prefix_side=request.prefix_side,
        license=request.license,
        source=request.origin,
        quality=request.quality,
    )
    result.wrote(str(package))
    result.progress(_("converted in {time}").format(time=duration(time.perf_counter() - started)))
    result.say(_("wrote {path}: install it with bilingual models install --file {path}").format(path=package))
    return result
