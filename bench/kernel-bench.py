#!/usr/bin/python3
"""Benchmarks the oomlab kernel against Debian's python3 kernel, in the same run.

For each kernel: start -> first result of `1+1` (cold start), the median round trip of a warm
`1+1` (execute_request sent -> execute_reply and idle received) over 50 requests, the same for
50 cells never run before (`1000 + 1`, `1001 + 1`, ...: the oomlab kernel runs a repeated
expression's compiled wrapper again, and computes a new one of literals alone without compiling),
then 50 new cells it must compile: a call (`Math.max(1000, 1)`, in Python `max(1000, 1)`) and a
declaration (`int v1000 = 1000;`, in Python `v1000 = 1000`), the kernel
process's CPU time per warm request (robust when other jobs load the machine), its RSS after
warm-up and after 100 more requests, and the shutdown time (shutdown_request sent -> process gone).

    bin/oomlab bench kernel [--starts 3] [--json out.json]      (this build's kernel)
    /usr/bin/python3 bench/kernel-bench.py [--kernels oomlab python3] [--starts 3] [--json out.json]

The oomlab kernelspec must be installed (bin/oomlab kernel install, or --prefix D with
JUPYTER_PATH=D/share/jupyter). Run with Debian's python3: it has jupyter_client.
"""
import argparse
import json
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 60

# new cells that the oomlab kernel must compile, in each kernel's language
NEW_CALL = {"python3": "max({n}, 1)"}
NEW_DECLARATION = {"python3": "v{n} = {n}"}
JAVA_CALL = "Math.max({n}, 1)"
JAVA_DECLARATION = "int v{n} = {n};"


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def cpu_seconds(pid):
    """User + system CPU time the process has used (load on the machine does not inflate it)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def execute(kc, code):
    """Sends one cell; returns (seconds until execute_reply and idle, execute_result data or None)."""
    start = time.perf_counter()
    msg_id = kc.execute(code)
    result, replied, idle = None, False, False
    while not (replied and idle):
        if not replied:
            reply = kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                replied = True
                if reply["content"]["status"] != "ok":
                    raise RuntimeError(f"{code!r} failed: {reply['content']}")
            continue
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"]
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
    return time.perf_counter() - start, result


def cold_start(name):
    """Seconds from launching the kernel to the first result of 1+1; returns (seconds, km, kc)."""
    start = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    _, result = execute(kc, "1+1")
    elapsed = time.perf_counter() - start
    if not result or result.get("text/plain") != "2":
        raise RuntimeError(f"{name}: 1+1 gave {result}")
    return elapsed, km, kc


def shutdown(km, kc):
    """Seconds from shutdown_request to the process being gone."""
    process = km.provisioner.process
    start = time.perf_counter()
    kc.shutdown()
    try:
        process.wait(timeout=10)
    except Exception:
        km.shutdown_kernel(now=True)
        return float("nan")
    elapsed = time.perf_counter() - start
    kc.stop_channels()
    km.cleanup_resources()
    return elapsed


def bench(name, starts, warm_requests=50, extra_requests=100):
    colds, shutdowns = [], []
    for i in range(starts):
        cold, km, kc = cold_start(name)
        colds.append(cold)
        if i < starts - 1:
            shutdowns.append(shutdown(km, kc))
    pid = km.provisioner.process.pid
    for _ in range(20):  # warm-up
        execute(kc, "1+1")
    call = NEW_CALL.get(name, JAVA_CALL)
    for i in range(60):  # and of the compiler (its JIT), for the new cells that need it
        execute(kc, call.format(n=500 + i))
    cpu_before = cpu_seconds(pid)
    trips = [execute(kc, "1+1")[0] for _ in range(warm_requests)]
    cpu_per_request = (cpu_seconds(pid) - cpu_before) / warm_requests
    # a cell never run before (the kernel cannot run an earlier compilation of it again)
    fresh = [execute(kc, f"{1000 + i} + 1")[0] for i in range(warm_requests)]
    calls = [execute(kc, call.format(n=1000 + i))[0] for i in range(warm_requests)]
    declaration = NEW_DECLARATION.get(name, JAVA_DECLARATION)
    declarations = [execute(kc, declaration.format(n=1000 + i))[0] for i in range(warm_requests)]
    rss_warm = rss_mib(pid)
    for _ in range(extra_requests):
        execute(kc, "1+1")
    rss_after = rss_mib(pid)
    shutdowns.append(shutdown(km, kc))
    return {
        "kernel": name,
        "cold_start_s": statistics.median(colds),
        "cold_starts_s": colds,
        "warm_round_trip_ms": statistics.median(trips) * 1000,
        "warm_round_trip_p90_ms": sorted(trips)[int(len(trips) * 0.9)] * 1000,
        "warm_new_cell_ms": statistics.median(fresh) * 1000,
        "warm_new_call_ms": statistics.median(calls) * 1000,
        "warm_new_declaration_ms": statistics.median(declarations) * 1000,
        "kernel_cpu_per_request_ms": cpu_per_request * 1000,
        "rss_after_warmup_mib": rss_warm,
        f"rss_after_{extra_requests}_more_mib": rss_after,
        "shutdown_s": statistics.median(shutdowns),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernels", nargs="+", default=["oomlab", "python3"])
    parser.add_argument("--starts", type=int, default=3, help="cold starts per kernel (median reported)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    rows = [bench(name, args.starts) for name in args.kernels]
    keys = [k for k in rows[0] if k not in ("kernel", "cold_starts_s")]
    print(f"{'':28}" + "".join(f"{r['kernel']:>14}" for r in rows)
          + ("         ratio" if len(rows) == 2 else ""))
    for key in keys:
        values = [r[key] for r in rows]
        ratio = f"{values[0] / values[1]:>13.2f}x" if len(rows) == 2 and values[1] else ""
        print(f"{key:28}" + "".join(f"{v:>14.3f}" for v in values) + ratio)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(rows, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
