"""bilingual: offline English→Arabic translation and bilingual publishing."""

__version__ = "0.1.0"
