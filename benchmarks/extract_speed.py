"""Tokens per second of `coalition ingest` against spaCy's own `nlp.pipe`, in one run.

    python benchmarks/extract_speed.py [--articles 2000] [--workers 1] [--memory 1000,10000]
                                       [--scale 2] [--no-baseline]

Both sides see the same articles: the real-news texts of ``eval/realnews/texts`` when they are
on this machine (each repeated, with a first line naming the copy so that none is a duplicate,
up to ``--articles``), generated ones (benchmarks/corpus.py) otherwise. The baseline is the full
en_core_web_sm pipeline (every pipe the model ships, the entity recogniser included, which
coalition does not load) through ``nlp.pipe`` with the model already loaded, twice: as spaCy
loads it (its matrix products through thinc's BLIS) and as coalition loads its own model
(numpy's BLAS, one thread: :func:`coalition.extract.model.load_model`), so that the share of
the ratio that is only the matrix library shows; coalition is timed
end to end as a ``coalition ingest`` subprocess into a fresh SQLite file, start-up, model load
and database writes included, so the ratio errs against us. The same ratio in CPU seconds
(this process and its children) is printed beside it: on a machine that other jobs share, wall
time follows their load, CPU time much less. It then prints peak memory (RSS of
the ingest process and its children) at each corpus size of ``--memory``, and the dev-corpus F1
with and without the sentence prefilter. ``--scale N`` times the same ingest with one process
and with ``--workers N`` (a pool of N extraction processes), one after the other in this run,
and prints the speed-up.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write  # noqa: E402

CLI = [sys.executable, "-m", "coalition.cli"]
SHARED = ROOT.parent / "shared"


def real_texts(directory: Path) -> list[str]:
    """The real-news article bodies (front matter dropped), or none when they are not here."""
    texts = []
    for path in sorted(directory.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("\n---", 1)[1].lstrip("-\n")
        texts.append(text)
    return texts


def write_real(directory: Path, texts: list[str], n: int) -> None:
    """``n`` articles cycling through ``texts``, each copy made distinct by its first line."""
    directory.mkdir(parents=True)
    for i in range(n):
        copy = f"Copy {i // len(texts) + 1} of a real article.\n\n{texts[i % len(texts)]}"
        (directory / f"real-{i:05d}.txt").write_text(copy, encoding="utf-8")


def count_tokens(texts: list[str]) -> int:
    from coalition.extract.model import load_model

    nlp = load_model("en_core_web_sm")
    return sum(len(doc) for doc in nlp.tokenizer.pipe(texts))


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished children so far."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def baseline_seconds(texts: list[str], workers: int,
                     numpy_blas: bool) -> tuple[float, float, list[str]]:
    """Wall and CPU seconds of the model's own ``nlp.pipe`` over ``texts``, and its pipes."""
    from coalition.extract.model import load_model

    # the whole pipeline, NER included
    nlp = load_model("en_core_web_sm", exclude=(), numpy_blas=numpy_blas)
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=64, n_process=workers):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu, nlp.pipe_names


def ingest_run(corpus: Path, workers: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (bytes, process tree) of one `coalition ingest`
    run."""
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/bench.db"
        cmd = [*CLI, "ingest", str(corpus), "--db", db, "--workers", str(workers)]
        start, cpu = time.perf_counter(), cpu_seconds()
        proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        peak = 0
        while proc.poll() is None:
            try:
                tree = [proc, *proc.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
        if proc.returncode != 0:
            sys.exit(f"ingest failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
    return seconds, cpu, peak


def scaling(corpus: Path, tokens: int, workers: int) -> float:
    """The speed-up of `coalition ingest --workers N` over one process, on the same corpus."""
    one, _, _ = ingest_run(corpus, 1)
    many, _, _ = ingest_run(corpus, workers)
    print(f"coalition ingest, 1 process:    {tokens / one:,.0f} tokens/s ({one:.1f} s)")
    print(f"coalition ingest, {workers} processes:  {tokens / many:,.0f} tokens/s ({many:.1f} s)")
    print(f"speed-up {workers} processes / 1: {one / many:.2f}x (goal >= 1.7x on 2 cores)")
    return one / many


def dev_f1(prefilter: bool) -> float | None:
    from coalition.evaluate import load_rows, score
    from coalition.extract import Extractor
    from coalition.ingest import read_sources
    from coalition.models import Article
    from coalition.settings import Settings

    dev = SHARED / "corpus" / "dev"
    if not (dev / "gold.jsonl").is_file():
        return None
    settings = Settings()
    articles = [a for a in read_sources([str(p) for p in sorted(dev.glob("*.txt"))], settings)
                if isinstance(a, Article)]
    extractor = Extractor(settings, prefilter=prefilter)
    pred = [c.as_dict() for a in articles for c in extractor.extract(a)]
    return score(load_rows([dev / "gold.jsonl"]), pred).strict.f1


def memory_peaks(tmp: Path, args: argparse.Namespace) -> dict[int, float]:
    """Peak memory (MiB) of an ingest at each corpus size of ``--memory``."""
    peaks: dict[int, float] = {}
    for size in [int(s) for s in args.memory.split(",") if s.strip()]:
        sized = tmp / f"corpus-{size}"
        write(sized, size)
        _, _, peak = ingest_run(sized, args.workers)
        peaks[size] = peak / 2**20
        print(f"peak memory, {size:>6} articles: {peaks[size]:,.0f} MiB")
    if len(peaks) > 1:
        sizes = sorted(peaks)
        print(f"memory ratio {sizes[-1]} / {sizes[0]} articles: "
              f"{peaks[sizes[-1]] / peaks[sizes[0]]:.2f} (goal: flat, under 1024 MiB)")
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--real", type=Path, default=ROOT / "eval" / "realnews" / "texts",
                        help="real-news texts to read instead of generated ones, when present")
    parser.add_argument("--memory", default="1000,10000",
                        help="corpus sizes for the peak-memory check ('' to skip)")
    parser.add_argument("--scale", type=int, default=0,
                        help="also time ingest with 1 and with this many processes")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the nlp.pipe comparison, the memory check and the F1")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        real = real_texts(args.real)
        if real:
            write_real(corpus, real, args.articles)
        else:
            write(corpus, args.articles)
        texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
        tokens = count_tokens(texts)
        kind = f"real-news ({len(real)} distinct texts)" if real else "generated"
        print(f"corpus: {len(texts)} {kind} articles, {tokens:,} tokens, "
              f"{args.workers} worker(s)")
        result: dict[str, object] = {"tokens": tokens}
        if args.scale:
            result["speedup"] = round(scaling(corpus, tokens, args.scale), 2)
        if args.no_baseline:
            print(json.dumps(result))
            return
        base, base_cpu, pipes = baseline_seconds(texts, args.workers, numpy_blas=False)
        ours, ours_cpu, _ = ingest_run(corpus, args.workers)
        same, same_cpu, _ = baseline_seconds(texts, args.workers, numpy_blas=True)
        print(f"spaCy nlp.pipe (full pipeline, model preloaded): {tokens / base:,.0f} tokens/s "
              f"({', '.join(pipes)})")
        print(f"  the same with numpy's BLAS as coalition uses:   {tokens / same:,.0f} tokens/s")
        print(f"coalition ingest (end to end, into SQLite):      {tokens / ours:,.0f} tokens/s")
        print(f"ratio coalition / nlp.pipe: {base / ours:.2f}x (goal >= 2x)")
        # on a machine other jobs share, wall time follows their load; CPU time does not
        print(f"ratio in CPU seconds ({base_cpu:.1f} / {ours_cpu:.1f}): "
              f"{base_cpu / ours_cpu:.2f}x")
        print(f"against nlp.pipe with numpy's BLAS too: {same / ours:.2f}x wall, "
              f"{same_cpu / ours_cpu:.2f}x CPU ({same_cpu:.1f} / {ours_cpu:.1f})")
        result["ratio"] = round(base / ours, 2)
        result["cpu_ratio"] = round(base_cpu / ours_cpu, 2)
        result["same_blas_ratio"] = round(same / ours, 2)
        result["same_blas_cpu_ratio"] = round(same_cpu / ours_cpu, 2)
        result["peak_mib"] = {k: round(v) for k, v in memory_peaks(Path(tmp), args).items()}

    with_filter, without = dev_f1(True), dev_f1(False)
    if with_filter is not None:
        print(f"dev-corpus strict F1: {with_filter:.3f} with prefilter, "
              f"{without:.3f} parsing every sentence")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
