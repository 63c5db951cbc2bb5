"""Benchmark a shared PostgreSQL library under 20 simultaneous users, then two processes.

Usage::

    EIA_BENCH_DATABASE_URL=postgresql+psycopg://USER:PASSWORD@HOST/DB \\
        python benchmarks/bench_concurrency.py [--seconds 60] [--users 20]

Use a scratch database: the run migrates it and adds assessments under references
``EIA-9xxx-nnnn`` (a random run number), which it leaves there.

Each simulated user is a thread driving the services as the app does: open the
latest version of an assessment, type into one field (kept as a working copy),
and save. Four users share each assessment, each typing into a field of their own;
when someone else saved the same section meanwhile, the user is told (counted as
"told"), keeps their changes over the new version and saves again, as the app's
"Keep my changes" does. Printed for each phase: saves, errors, lost updates, and the
median and 95th-percentile save times, beside a single user's figures from the
same run. Then the same with two OS processes sharing the database, half the users
each, as two app servers behind a load balancer would.

A lost update is a version that changes another user's field, or a reported save
whose version does not hold the value saved: both must be 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "send_strategy_2024_27" / "eia_consultation_stage.json"
URL_VARIABLE = "EIA_BENCH_DATABASE_URL"
# Times a user who is told someone saved first keeps their changes and tries again.
ATTEMPTS = 20
# The fields the users of one assessment type into: one each, in two sections.
PATHS = (
    "key_details.title",
    "purpose.summary",
    "purpose.what_is_changing",
    "purpose.who_is_affected",
)


@dataclass
class Tally:
    """What the users of one phase did."""

    save_seconds: list[float] = field(default_factory=list)
    told: int = 0
    errors: list[str] = field(default_factory=list)
    # (reference, version, user, path, value) of every save reported as done.
    saves: list[tuple[str, int, str, str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def as_json(self) -> dict[str, Any]:
        return {
            "save_seconds": self.save_seconds,
            "told": self.told,
            "errors": self.errors,
            "saves": self.saves,
        }


def value_at(assessment: Any, path: str) -> Any:
    for part in path.split("."):
        assessment = getattr(assessment, part)
    return assessment


def open_repo(url: str) -> Any:
    from eia_app.storage import SqlAlchemyAssessmentRepository, create_database_engine, migrate

    engine = create_database_engine(url)
    migrate(engine)
    return SqlAlchemyAssessmentRepository(engine)


def seed(repo: Any, references: list[str]) -> None:
    from eia_app.services.assessments import read_assessment_file, save_assessment

    base = read_assessment_file(EXAMPLE)
    for reference in references:
        details = base.key_details.model_copy(update={"reference": reference})
        save_assessment(
            repo,
            base.model_copy(update={"key_details": details}),
            saved_by="bench seed",
            base_version=0,
        )


def user_loop(repo: Any, reference: str, user: str, path: str, until: float, tally: Tally) -> None:
    from eia_app.domain.conflicts import VersionConflictError
    from eia_app.services.working_copies import (
        ChangedElsewhereError,
        keep_changes,
        keep_mine,
        save_changes,
    )

    n = 0
    while time.monotonic() < until:
        n += 1
        value = f"{user}, edit {n}"
        try:
            latest = repo.get(reference)
            saved_value = value_at(latest.assessment, path)
            keep_changes(
                repo,
                reference,
                user,
                based_on_version=latest.info.version,
                entered={path: value},
                saved={path: saved_value},
            )
            for _attempt in range(ATTEMPTS):
                started = time.perf_counter()
                try:
                    stored = save_changes(repo, reference, user)
                    break
                except ChangedElsewhereError:
                    # Told; as "Keep my changes" in the app: theirs onto the newer version.
                    with tally.lock:
                        tally.told += 1
                    keep_mine(repo, reference, user)
                except VersionConflictError:
                    # Told that others kept saving meanwhile; the working copy is kept.
                    with tally.lock:
                        tally.told += 1
            else:
                raise RuntimeError(f"still told after {ATTEMPTS} attempts")
            elapsed = time.perf_counter() - started
            if stored is not None:
                with tally.lock:
                    tally.save_seconds.append(elapsed)
                    tally.saves.append((reference, stored.info.version, user, path, value))
        except Exception as problem:  # noqa: BLE001 - every failure is counted and shown
            with tally.lock:
                tally.errors.append(f"{user}: {type(problem).__name__}: {problem}"[:300])
        time.sleep(random.uniform(0.05, 0.25))  # reading and typing between saves


def run_users(url: str, references: list[str], users: int, seconds: float, first: int = 0) -> Tally:
    """Run ``users`` threads for ``seconds``; user k edits references[k // 4], field k % 4."""
    repo, tally = open_repo(url), Tally()
    until = time.monotonic() + seconds
    threads = []
    for k in range(first, first + users):
        reference, path = references[k // len(PATHS)], PATHS[k % len(PATHS)]
        threads.append(
            threading.Thread(
                target=user_loop, args=(repo, reference, f"user {k:02d}", path, until, tally)
            )
        )
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    repo.engine.dispose()
    return tally


def lost_updates(url: str, references: list[str], saves: list[list[Any]]) -> list[str]:
    """Versions that changed someone else's field, or reported saves their version lacks."""
    repo, problems = open_repo(url), []
    owner = {}
    for reference, version, user, path, value in saves:
        owner[(reference, user)] = path
        stored = repo.get(reference, version)
        if stored.info.saved_by != user or value_at(stored.assessment, path) != value:
            problems.append(f"{reference} v{version}: {user}'s save is not in it")
    for reference in references:
        history = [repo.get(reference, i.version) for i in repo.versions(reference)]
        for older, newer in zip(history, history[1:], strict=False):
            own = owner.get((reference, newer.info.saved_by))
            for path in PATHS:
                if path != own and value_at(older.assessment, path) != value_at(
                    newer.assessment, path
                ):
                    problems.append(
                        f"{reference} v{newer.info.version} by {newer.info.saved_by} "
                        f"changed {path}, another user's field"
                    )
    repo.engine.dispose()
    return problems


def report(name: str, tally: Tally, lost: list[str], seconds: float) -> None:
    times = sorted(tally.save_seconds)
    median = statistics.median(times) * 1000 if times else float("nan")
    p95 = statistics.quantiles(times, n=20)[18] * 1000 if len(times) > 1 else float("nan")
    print(
        f"{name:<34} {len(times):>6} saves {len(times) / seconds:>6.1f}/s  median {median:>6.1f} ms"
        f"  p95 {p95:>6.1f} ms  told {tally.told:>4}  errors {len(tally.errors):>3}"
        f"  lost updates {len(lost)}"
    )
    for line in (tally.errors + lost)[:10]:
        print(f"    {line}")


def worker(args: argparse.Namespace) -> None:
    tally = run_users(args.url, args.references.split(","), args.users, args.seconds, args.first)
    print(json.dumps(tally.as_json()))


def two_processes(url: str, references: list[str], users: int, seconds: float) -> Tally:
    half = users // 2
    command = [
        sys.executable,
        __file__,
        "--worker",
        "--url",
        url,
        "--seconds",
        str(seconds),
        "--references",
        ",".join(references),
        "--users",
        str(half),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [*command, "--first", str(first)], stdout=subprocess.PIPE, text=True, env=env
        )
        for first in (0, half)
    ]
    merged = Tally()
    for child in children:
        out, _ = child.communicate(timeout=seconds + 120)
        if child.returncode != 0:
            merged.errors.append(f"worker process exited with {child.returncode}")
            continue
        part = json.loads(out.strip().splitlines()[-1])
        merged.save_seconds += part["save_seconds"]
        merged.told += part["told"]
        merged.errors += part["errors"]
        merged.saves += [tuple(s) for s in part["saves"]]
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument(
        "--single-seconds",
        type=float,
        default=None,
        help="How long the single user runs [default: a sixth of --seconds, 5 s or more].",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--references", help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    url = os.environ.get(URL_VARIABLE, "").strip()
    if not url.startswith("postgresql"):
        raise SystemExit(
            f"Set {URL_VARIABLE} to the URL of a scratch PostgreSQL database, such as "
            "postgresql+psycopg://eia:secret@localhost/eia_bench; the run adds "
            "assessments to it."
        )
    run = random.randint(9000, 9999)
    count = -(-args.users // len(PATHS))
    solo, shared, split = ([f"EIA-{run}-{p}{n:03d}" for n in range(count)] for p in (1, 2, 3))
    repo = open_repo(url)
    seed(repo, solo[:1] + shared + split)
    repo.engine.dispose()
    single_seconds = args.single_seconds or max(5.0, args.seconds / 6)
    print(f"PostgreSQL, run {run}: {args.users} users on {count} assessments, {len(PATHS)} a piece")
    results = []
    for name, seconds, job, refs in (
        (
            "1 user (same run)",
            single_seconds,
            lambda: run_users(url, solo[:1], 1, single_seconds),
            solo[:1],
        ),
        (
            f"{args.users} users, 1 process",
            args.seconds,
            lambda: run_users(url, shared, args.users, args.seconds),
            shared,
        ),
        (
            f"{args.users} users, 2 processes",
            args.seconds,
            lambda: two_processes(url, split, args.users, args.seconds),
            split,
        ),
    ):
        tally = job()
        lost = lost_updates(url, refs, tally.saves)
        report(name, tally, lost, seconds)
        results.append((tally, lost))
    failed = any(tally.errors or lost for tally, lost in results)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
