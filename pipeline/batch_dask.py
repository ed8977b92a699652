"""The ``dask`` engine: the chunks of a corpus run as tasks on dask.distributed.

Each task is :func:`pipeline.batch.process_chunk_in_worker`: the worker loads the
model on its first task and keeps it in a module-level cache for the next ones,
processes its chunk and writes the records to ``OUT`` itself; the client gets
back the manifest entries and writes the manifest and the JSONL files. So the
corpus and ``OUT`` must be the same paths on the client and on every worker
(a shared file system). Dask is an optional extra (``pip install 'newsclaims[dask]'``)
and is imported only here, only when the engine is chosen.
"""

from __future__ import annotations

import logging
from typing import Any

from pipeline.batch import ChunkResults, RunSettings, process_chunk_in_worker
from pipeline.errors import ErrorCode, NewsclaimsError


def _client(*, jobs: int, scheduler: str | None) -> tuple[Any, Any]:
    """A connected client and the LocalCluster it started (None with ``scheduler``)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise NewsclaimsError(
            ErrorCode.E009, "--engine dask needs dask.distributed: pip install 'newsclaims[dask]'") from None
    if scheduler:
        try:
            return Client(scheduler), None
        except (OSError, TimeoutError, ValueError) as exc:
            raise NewsclaimsError(ErrorCode.E009, f"cannot reach the scheduler {scheduler}: {exc}") from None
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def dask_engine(chunks: list[list[str]], settings: RunSettings, *, jobs: int,
                scheduler: str | None = None) -> ChunkResults:
    """Chunk results as their tasks finish.

    Args:
        chunks: lists of absolute article paths.
        settings: the run's settings (paths must be valid on the workers).
        jobs: workers of the LocalCluster started when ``scheduler`` is None.
        scheduler: address of a running scheduler (``tcp://HOST:8786``).
    Returns:
        An iterator of per-chunk entry lists, in completion order.
    """
    if not chunks:
        return
    from dask.distributed import as_completed

    client, cluster = _client(jobs=jobs, scheduler=scheduler)
    try:
        futures = [client.submit(process_chunk_in_worker, chunk, settings, pure=False) for chunk in chunks]
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
