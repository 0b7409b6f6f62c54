"""Work on an untrusted document, run in a child process with a time limit and a memory limit.

Parsers of hostile files (a PDF stream that inflates to gigabytes, a Word document of a thousand parts) and the
checks that follow them can take any amount of memory and time. `run()` forks the worker: the child has what the
worker had loaded (the name model, the theme classifier) without loading it again, sets its own address-space
limit and runs the function; the worker waits at most the time limit and kills it after that. The child hands back
its result, or the exception it raised, through a pipe. A child that runs out of memory or dies in a parser's C
code is reported as `Overrun("memory")`, one stopped for time as `Overrun("time")`.

The child has no database: it must not use the worker's connection (its socket is shared with the worker), so
the connections it inherited are set aside and opening another raises. Give it everything it needs as arguments.
"""

import faulthandler
import multiprocessing
import os
import resource
import signal

from django.db import connections

_MB = 1024 * 1024
_set_aside = []  # the worker's connections, kept referenced in the child so that they are never closed there


class Overrun(Exception):
    """The work went over its limit: `limit` is "time" or "memory"."""

    def __init__(self, limit, detail=""):
        super().__init__(f"over the {limit} limit{': ' + detail if detail else ''}")
        self.limit = limit
        self.detail = detail


class _NoDatabase(RuntimeError):
    pass


def run(function, *args, seconds, memory_mb):
    """function(*args) in a child process, at most `seconds` long and `memory_mb` more memory than the worker
    has. Returns its result or raises its exception; raises Overrun when a limit stopped it."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, args, memory_mb, seconds), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise Overrun("time", f"stopped after {seconds:g} s")
        try:
            outcome, value = receiver.recv()
        except EOFError:  # the child died without a word: killed by the memory limit, or a parser crashed
            child.join()
            raise Overrun("memory", f"the process ended with code {child.exitcode}") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if outcome == "ok":
        return value
    if outcome == "memory":
        raise Overrun("memory", value)
    raise value


def _child(sender, function, args, memory_mb, seconds):
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT):
        signal.signal(signum, signal.SIG_DFL)  # not the worker's graceful shutdown
    faulthandler.disable()  # a parser that aborts is reported by the worker, not dumped
    _set_aside_database()
    limit = _address_space() + memory_mb * _MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # A guard in case the worker dies while its child runs: the child cannot outlive its time by much.
    cpu = int(seconds) + 5
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    try:
        outcome = ("ok", function(*args))
    except MemoryError:
        outcome = ("memory", "out of memory")
    except BaseException as error:  # every failure is handed to the worker
        outcome = ("error", error)
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("memory", "out of memory handing back the result"))
    except Exception as error:  # an exception that cannot be pickled
        sender.send(("error", RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({error})")))
    sender.close()


def _set_aside_database():
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            _set_aside.append(connection.connection)
            connection.connection = None
        connection.connect = _no_database


def _no_database():
    raise _NoDatabase("work on a document in a child process has no database: pass what it needs as arguments")


def _address_space():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
