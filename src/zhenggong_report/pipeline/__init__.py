"""The orchestration of a build, in one place: the checked configuration (:mod:`.config`), the
input edge (:mod:`.inputs`), the cache (:mod:`.store`), where the per-page map runs (this
process, local workers, a Dask cluster: :mod:`.pages`, :mod:`.local`, :mod:`.cluster`), the
reduce, the rendering and the atomic write (:mod:`.stages`). The stages themselves (parse,
analyze, render) neither fork nor cache."""

from .stages import build, run_build
from .config import BuildConfig, Fingerprints
from .inputs import LoadedSources, load_sources, parse_sources
from .result import BuildResult

__all__ = ["BuildConfig", "BuildResult", "Fingerprints", "LoadedSources", "build", "load_sources", "parse_sources", "run_build"]
