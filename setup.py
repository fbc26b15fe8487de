"""Build hook: compile the gettext catalogs (locales/*/LC_MESSAGES/*.po) into the package.

Everything else about the build lives in pyproject.toml. Source checkouts and editable
installs compile the catalogs on first use instead (bilingual/i18n.py).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    def run(self):
        super().run()
        import polib

        for po in Path("locales").glob("*/LC_MESSAGES/bilingual.po"):
            lang = po.parent.parent.name
            target = Path(self.build_lib) / "bilingual" / "locale" / lang / "LC_MESSAGES" / "bilingual.mo"
            target.parent.mkdir(parents=True, exist_ok=True)
            polib.pofile(str(po)).save_as_mofile(str(target))


setup(cmdclass={"build_py": BuildWithCatalogs})
