"""borderkit-dask: `borderkit borders` sharded over dask.distributed, the same bytes as one process."""
from .cli import main, run

__all__ = ["main", "run"]
