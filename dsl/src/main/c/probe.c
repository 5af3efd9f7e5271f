/*
 * oomlab probe: the process inside an oomlab container (PID 1 of a FROM scratch image).
 *
 *   probe [--chunk-mib=N] [--dir=PATH] [--shm-dir=PATH] [--cg-set=[../]memory.FILE=VALUE]... STEP...
 *   probe --stat
 *
 * Steps run in order: shm:MIB[:NAME], ram:MIB, freeshm, file:MIB, read:MIB, sync, sleep:MS, spin:MS,
 * statfs:PATH, hold, ram-until-killed:MIB, shm-until-killed:MIB (see "until killed" below),
 * signal:NAME and await:NAME:MS (one container waits for another's file in a shared /dev/shm).
 * file:MIB writes a file (dirty page cache until written back); read:MIB writes one, syncs it,
 * drops it from the cache and reads it back (clean page cache); sync is sync(2); spin:MS burns
 * that much CPU time.
 *
 * Several processes: proc:NAME:ADJ starts one, and the steps after it (to the next proc) are its
 * own. The supervisor forks one worker per process; each writes ADJ to /proc/self/oom_score_adj
 * (raising needs no privilege, lowering below the container's value does), then runs its steps;
 * its lines carry "proc":NAME, number its steps from 0 and add "oom_score" (/proc/self/oom_score).
 * A process ending with hold tells the supervisor (SIGRTMIN); the run ends when every process has
 * ended or holds, once the cgroup's oom_kill count matches the deaths seen. The supervisor writes
 * {"ev":"proc","proc":N,"pid":P,"oom_score_adj":A,"status":"signaled"|"exited"|"holding",
 * "code":C,"signal":S,"signal_name":"SIGKILL",<counters>} for each: at its death, or "holding"
 * at the end (then it stops it); then "end" (when none failed) and "exit". The exit code is the
 * first killed process's 128+N, else the first failed one's code, else 0.
 *
 * Hung: the supervisor checks every 250 ms whether the cgroup is stalled under OOM (v1:
 * memory.oom_control under_oom 1; v2: OOM events rising with no kill); after 4 checks in a row it
 * writes {"ev":"hung",<counters>}, kills its workers and exits 5 after its exit line ("hung":1).
 * The start and exit lines add the cgroup's reclaim counters from memory.stat, "stat_NAME"
 * (v1: pgpgin, pgpgout, dirty, writeback; v2: pgscan, pgsteal, pgscan_kswapd, pgscan_direct,
 * pgsteal_kswapd, pgsteal_direct, file_dirty, file_writeback).
 * --cg-set (cgroup v2, before the first step): writes VALUE to FILE of the probe's own cgroup (or,
 * with ../, of its parent) through the host's cgroup2 mount bound at /oomlab/cgroup, the path taken
 * from /proc/self/cgroup (the container runs in the host's cgroup namespace); one line each:
 * {"ev":"cgset","file":F,"value":V,"read":R,"path":"/docker/ID/F"}. A write that fails is a "fail"
 * line with kind "cgroup" and exit 4; the mount root itself (the host's cgroup) is never written.
 * statfs:PATH writes {"ev":"statfs","step":I,"path":P,"size":f_blocks*f_frsize,
 * "avail":f_bavail*f_frsize} (what df shows), then its step line.
 * Every event is one JSON object on one line of stdout, written with a single write(2)
 * and no stdio buffer, so every line written before a SIGKILL or a SIGBUS reaches the log.
 * Each line carries the memory cgroup's own counters, read from inside the container.
 *
 * Two processes. PID 1 is a supervisor: it writes "start", forks ONE worker that runs the
 * steps (progress, step, fail and end lines), waits for it, reads the counters once more and
 * writes the last line, "exit", with how the worker ended. The worker is the one the cgroup's
 * OOM killer kills (or a full tmpfs SIGBUSes), and a dead process reads no counters: only a
 * survivor can report the cgroup's own numbers after the kill (the real peak, failcnt, and
 * oom_kill >= 1). The supervisor must survive a full cgroup, so after the fork it needs no
 * new page: it touches its whole working set (stack, .data/.bss, errno) right after fork(),
 * which gives it private copies while the cgroup still has room, and only then lets the
 * worker start; from there on it only waits, reads counters into static buffers and writes.
 * Its footprint (~180 KiB anon, plus the binary's pages it shares with the worker) is far
 * below the worker's allocations, so the OOM killer picks the worker (oom_score_adj is left
 * alone on purpose: a hypothesis studies the killer's choice).
 *
 * The container's exit code is set by the supervisor from the worker's death: the worker's
 * exit status, or 128+N when the worker died of signal N, the shell's convention, so Docker
 * still shows 137 for an OOM kill and 135 for SIGBUS although PID 1 itself was not killed.
 * SIGTERM and SIGINT (docker stop) are forwarded to the worker, which has their default
 * action (it is not PID 1), so even a worker stuck in an OOM wait dies at once; the
 * supervisor then reports and exits 143 (or 130).
 *
 * The probe keeps its own footprint small so that the thresholds seen are the kernel's:
 * no malloc, no stdio; memory it is asked for is mmap'ed and touched one byte per page.
 * SIGBUS is never caught: a full tmpfs must kill the worker (exit 135 under Docker).
 *
 * Exit codes: 0 all steps done, 2 bad command line, 3 a syscall failed cleanly, 5 hung (stopped
 * by the supervisor), 4 a --cg-set write failed or the supervisor could not start its worker (a "fail" line with step -1, kind "supervisor"),
 * 128+N the worker died of signal N. Once the worker has started, the last line is "exit"
 * (unless the supervisor itself is killed, e.g. docker kill / rm -f):
 *   {"ev":"exit","worker_pid":N,"status":"exited"|"signaled","code":C,"signal":S,
 *    "signal_name":"SIGKILL","t_us":T,<counters>}
 * code is the exit status (-1 when signaled), signal the signal number (0 when exited),
 * signal_name "" when exited.
 *
 * Counters come from the probe's own memory cgroup, found through /proc/self/cgroup below the
 * cgroup mount (a VM or host), or at the mount root (a container with its own cgroup namespace).
 * The nine original keys keep their meaning on v1 and v2; v2 adds peak (memory.peak, -1 before
 * Linux 5.19), high_limit (memory.high), swap (memory.swap.current), ev_high/ev_max/ev_oom/
 * ev_oom_kill (memory.events) and psi_{some,full}_{avg10,total} (memory.pressure; avg10 in
 * hundredths of a percent, total in microseconds); on v1 and without a cgroup they are -1.
 * Until killed: ram-until-killed:MIB and shm-until-killed:MIB are ram/shm steps (their events
 * say kind "ram"/"shm") that count every page they touch in a page the supervisor mapped shared
 * before the fork. Their MIB is a ceiling, not a goal: the worker is meant to be killed on the
 * way, and a dead worker reports nothing, so the supervisor's "exit" line then carries
 * "touched_pages":N and "touched_bytes":N*page, how far it got, to the page. The step's own progress lines are per chunk.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MIB_BYTES ((uint64_t)1 << 20)
#define MAX_MIB ((uint64_t)1 << 24)       /* 16 TiB: larger sizes are a typo, not a test */
#define MAX_MS ((uint64_t)1 << 40)
#define MAX_STEPS 1024
#define MAX_SEGS 256                      /* shm segments mapped at one time */
#define MAX_NAME 255
#define PATH_CAP 4096
#define USAGE_ARG_MAX 200                 /* bytes of a bad argument quoted in a usage line */
#define MAX_CG_SETS 8
#ifndef CG_WRITE_ROOT
#define CG_WRITE_ROOT "/oomlab/cgroup"    /* the engine host's cgroup2 mount, bound read-write (--cg-set) */
#endif
#ifndef CG_ROOT
#define CG_ROOT "/sys/fs/cgroup"          /* overridden only by the C tests (fake cgroup files) */
#endif
#ifndef CG_SELF
#define CG_SELF "/proc/self/cgroup"       /* likewise */
#endif

enum kind { K_SHM, K_RAM, K_FREESHM, K_FILE, K_SLEEP, K_HOLD, K_STATFS, K_SPIN, K_READ, K_SYNC, K_SIGNAL,
            K_AWAIT };
static const char *const kind_name[] = {"shm", "ram", "freeshm", "file", "sleep", "hold", "statfs", "spin",
                                        "read", "sync", "signal", "await"};

struct step {
    enum kind kind;
    uint64_t n;        /* MiB for shm/ram/file, milliseconds for sleep and the longest await */
    const char *name;  /* shm segment name, NULL for the default; the path of statfs; a signal's name */
    int until_killed;  /* count touched pages for the supervisor (ram/shm-until-killed) */
};

struct seg {
    char *addr;
    size_t len;
    int step;
    const char *name;  /* NULL: default name of that step */
};

static struct step steps[MAX_STEPS];
static int nsteps;
static struct seg segs[MAX_SEGS];
static int nsegs;

/*
 * Processes (proc:NAME:ADJ on the command line): each runs its own steps in a worker of its own,
 * all at once, with its own oom_score_adj. Without any, one unnamed worker runs every step.
 */
#define MAX_PROCS 16
#define EXIT_HUNG 5                       /* stalled under OOM: the supervisor stopped it */
#define STALL_TICK_MS 250                 /* the supervisor's check of a stall */
#define STALL_TICKS 4                     /* stalled at 4 checks in a row (~1 s): hung */
#define SETTLE_TICKS 20                   /* at most ~5 s for a killed process to be gone */
#define MAX_PROC_NAME 32
enum { P_RUNNING, P_HOLDING, P_ENDED };
struct proc {
    const char *name;
    int adj;
    int first, count;  /* its steps: steps[first .. first+count) */
    pid_t pid;
    int state;
    int status;        /* waitpid's, once ended */
};
static struct proc procs[MAX_PROCS];
static int nprocs;
static const char *my_proc;   /* the worker's process name: every line it writes carries it */
static int step_base;         /* the worker's first step: its lines number steps from 0 */

static uint64_t chunk_bytes = 16 * MIB_BYTES;
static const char *file_dir = "/scratch";
static const char *shm_dir = "/dev/shm";
static uint64_t page_size = 4096;
static struct timespec t0;
static volatile uint64_t *touched_pages;   /* shared with the supervisor; NULL unless until-killed */

/* ------------------------------------------------------------------ output */

static char line[4096];
static size_t line_len;

static void put_raw(const char *s, size_t n)
{
    /* Every line is bounded by construction (quoted argv is cut to USAGE_ARG_MAX bytes). */
    if (n > sizeof line - 2 - line_len)     /* room for the closing "}\n" */
        n = sizeof line - 2 - line_len;
    memcpy(line + line_len, s, n);
    line_len += n;
}

static void put_s(const char *s) { put_raw(s, strlen(s)); }

static void put_u64(uint64_t v)
{
    char t[24];
    int i = sizeof t;
    do {
        t[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put_raw(t + i, sizeof t - (size_t)i);
}

static void put_i64(int64_t v)
{
    if (v < 0) {
        put_raw("-", 1);
        put_u64((uint64_t)0 - (uint64_t)v);
    } else {
        put_u64((uint64_t)v);
    }
}

/* JSON string body: bytes outside printable ASCII become \u00XX, so a line is always valid JSON. */
static void put_esc(const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            put_raw(e, 2);
        } else if (c < 0x20 || c >= 0x7f) {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            put_raw(e, 6);
        } else {
            put_raw((const char *)&c, 1);
        }
    }
}

static void put_key(const char *k)
{
    put_raw(",\"", 2);
    put_s(k);
    put_raw("\":", 2);
}

static void put_kstr(const char *k, const char *v)
{
    put_key(k);
    put_raw("\"", 1);
    put_esc(v, strlen(v));
    put_raw("\"", 1);
}

static void line_begin(const char *ev)
{
    line_len = 0;
    put_s("{\"ev\":\"");
    put_s(ev);
    put_raw("\"", 1);
    if (my_proc)
        put_kstr("proc", my_proc);
}

/* One write(2) per line; a pipe write below PIPE_BUF is atomic. The loop only covers EINTR. */
static void line_emit(void)
{
    line[line_len++] = '}';
    line[line_len++] = '\n';
    const char *p = line;
    size_t left = line_len;
    while (left) {
        ssize_t w = write(1, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            break;     /* nobody listens: keep going, the exit code still tells */
        }
        p += w;
        left -= (size_t)w;
    }
    line_len = 0;
}

static int64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    int64_t ns = (int64_t)(ts.tv_sec - t0.tv_sec) * 1000000000 + (ts.tv_nsec - t0.tv_nsec);
    return ns / 1000;
}

static const char *errno_name(int e)
{
    switch (e) {
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case ESRCH: return "ESRCH";
    case EINTR: return "EINTR";
    case EIO: return "EIO";
    case ENXIO: return "ENXIO";
    case EBADF: return "EBADF";
    case ECHILD: return "ECHILD";
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";
    case EBUSY: return "EBUSY";
    case EEXIST: return "EEXIST";
    case ENODEV: return "ENODEV";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case ENFILE: return "ENFILE";
    case EMFILE: return "EMFILE";
    case ETXTBSY: return "ETXTBSY";
    case EFBIG: return "EFBIG";
    case ENOSPC: return "ENOSPC";
    case EROFS: return "EROFS";
    case EMLINK: return "EMLINK";
    case EPIPE: return "EPIPE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ELOOP: return "ELOOP";
    case EOVERFLOW: return "EOVERFLOW";
    case EDQUOT: return "EDQUOT";
    case ENOSYS: return "ENOSYS";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case ESTALE: return "ESTALE";
    default: return "EUNKNOWN";
    }
}

/* ---------------------------------------------------------------- counters */

enum { C_USAGE, C_LIMIT, C_MAX_USAGE, C_FAILCNT, C_SHMEM, C_ANON, C_FILE, C_OOM_KILL, C_UNDER_OOM,
       /* cgroup v2 only (-1 elsewhere): memory.peak, memory.high, memory.swap.current,
        * memory.events and memory.pressure. The avg10 values are in hundredths of a percent. */
       C_PEAK, C_HIGH_LIMIT, C_SWAP, C_EV_HIGH, C_EV_MAX, C_EV_OOM, C_EV_OOM_KILL,
       C_PSI_SOME_AVG10, C_PSI_SOME_TOTAL, C_PSI_FULL_AVG10, C_PSI_FULL_TOTAL, C_N };
static const char *const counter_name[C_N] = {
    "usage", "limit", "max_usage", "failcnt", "shmem", "anon", "file", "oom_kill", "under_oom",
    "peak", "high_limit", "swap", "ev_high", "ev_max", "ev_oom", "ev_oom_kill",
    "psi_some_avg10", "psi_some_total", "psi_full_avg10", "psi_full_total"};

static int cg_version;  /* 0 none, 1, 2 */
/* Opened once; read with pread at offset 0 (kernfs regenerates the text at offset 0). */
static int fd_usage = -1, fd_limit = -1, fd_max_usage = -1, fd_failcnt = -1;
static int fd_stat = -1, fd_oom_control = -1, fd_events = -1;
static int fd_high = -1, fd_swap = -1, fd_pressure = -1;
static char rbuf[16384];
static char cg_dir[PATH_CAP];   /* the memory cgroup's directory that was found */
static size_t cg_rel_len;       /* how much of cg_dir is our own path below the mount (0: the mount root) */

/* --cg-set FILE=VALUE: cgroup v2 files Docker has no flag for (memory.high, memory.min...). */
static struct cg_set { const char *file; const char *value; } cg_sets[MAX_CG_SETS];
static int ncg_sets;

static int open_ro(const char *path) { return open(path, O_RDONLY | O_CLOEXEC); }
static ssize_t slurp(int fd);

/* The cgroup directory DIR "/" FILE opened, or -1 (cg_dir holds DIR). */
static int open_cg(const char *file)
{
    char p[PATH_CAP];
    size_t dl = strlen(cg_dir), fl = strlen(file);
    if (dl + 1 + fl >= sizeof p)
        return -1;
    memcpy(p, cg_dir, dl);
    p[dl] = '/';
    memcpy(p + dl + 1, file, fl + 1);
    return open_ro(p);
}

/* Sets cg_dir to BASE + REL (REL starts with "/"); a REL of "/" or "" is BASE itself. */
static int set_cg_dir(const char *base, const char *rel, size_t rel_len)
{
    size_t bl = strlen(base);
    if (rel_len == 1 && rel[0] == '/')
        rel_len = 0;
    if (bl + rel_len >= sizeof cg_dir)
        return 0;
    memcpy(cg_dir, base, bl);
    memcpy(cg_dir + bl, rel, rel_len);
    cg_dir[bl + rel_len] = '\0';
    return 1;
}

/*
 * Our own cgroup from /proc/self/cgroup: "0::/PATH" on v2, "N:...memory...:/PATH" on v1. PATH is
 * relative to the hierarchy's root, which is where the mount is when we are in the root's
 * namespace (a VM, the host) or in our own cgroup namespace ("/", Docker's default on v2). In a
 * v1 container without its own namespace PATH names the host's path while the mount shows the
 * container's own cgroup at its root: hence the fallback to the mount root.
 */
static int self_cgroup(int want_v2, const char **rel, size_t *rel_len)
{
    int fd = open_ro(CG_SELF);
    if (fd < 0 || slurp(fd) <= 0) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    close(fd);
    for (char *p = rbuf; *p;) {
        char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *c1 = memchr(p, ':', len);
        char *c2 = c1 ? memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - p)) : NULL;
        if (c2) {
            const char *ctl = c1 + 1;
            size_t ctl_len = (size_t)(c2 - ctl);
            int match = 0;
            if (want_v2) {
                match = (c1 - p == 1 && p[0] == '0' && ctl_len == 0);
            } else {
                for (const char *q = ctl; q < c2;) {       /* comma-separated controllers */
                    const char *e = memchr(q, ',', (size_t)(c2 - q));
                    if (!e)
                        e = c2;
                    if (e - q == 6 && memcmp(q, "memory", 6) == 0)
                        match = 1;
                    q = e + 1;
                }
            }
            if (match) {
                *rel = c2 + 1;
                *rel_len = len - (size_t)(c2 + 1 - p);
                return 1;
            }
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    return 0;
}

/* Tries our own cgroup first, then the mount root; returns the usage file's fd or -1. */
static int find_cg(const char *base, int v2, const char *probe_file)
{
    const char *rel;
    size_t rel_len;
    if (self_cgroup(v2, &rel, &rel_len) && set_cg_dir(base, rel, rel_len)) {
        int fd = open_cg(probe_file);
        if (fd >= 0) {
            cg_rel_len = strlen(cg_dir) - strlen(base);
            return fd;
        }
    }
    cg_rel_len = 0;
    set_cg_dir(base, "", 0);
    return open_cg(probe_file);
}

static void cg_detect(void)
{
    int fd = find_cg(CG_ROOT, 1, "memory.current");
    if (fd >= 0) {
        cg_version = 2;
        fd_usage = fd;
        fd_limit = open_cg("memory.max");
        fd_max_usage = open_cg("memory.peak");      /* since 5.19: Debian 12's 6.1 has none */
        fd_events = open_cg("memory.events");
        fd_stat = open_cg("memory.stat");
        fd_high = open_cg("memory.high");
        fd_swap = open_cg("memory.swap.current");
        fd_pressure = open_cg("memory.pressure");
        return;
    }
    fd = find_cg(CG_ROOT "/memory", 0, "memory.usage_in_bytes");
    if (fd >= 0) {
        cg_version = 1;
        fd_usage = fd;
        fd_limit = open_cg("memory.limit_in_bytes");
        fd_max_usage = open_cg("memory.max_usage_in_bytes");
        fd_failcnt = open_cg("memory.failcnt");
        fd_stat = open_cg("memory.stat");
        fd_oom_control = open_cg("memory.oom_control");
    }
}

/* Reads the whole file into rbuf (NUL-terminated); returns its length or -1. */
static ssize_t slurp(int fd)
{
    if (fd < 0)
        return -1;
    size_t len = 0;
    for (;;) {
        size_t want = sizeof rbuf - 1 - len;
        if (!want)
            break;
        ssize_t r = pread(fd, rbuf + len, want, (off_t)len);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        len += (size_t)r;
        if ((size_t)r < want)     /* kernfs reads short only at the end of the text */
            break;
    }
    rbuf[len] = '\0';
    return (ssize_t)len;
}

/* A decimal number at p; "max" (cgroup v2 for "no limit") and anything else give -1. */
static int64_t parse_count(const char *p)
{
    if (*p < '0' || *p > '9')
        return -1;
    uint64_t v = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > ((uint64_t)INT64_MAX - 9) / 10)
            return INT64_MAX;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    return (int64_t)v;
}

static int64_t read_single(int fd)
{
    return slurp(fd) > 0 ? parse_count(rbuf) : -1;
}

/* The value of "KEY value" lines (memory.stat, memory.events, memory.oom_control) in rbuf. */
static int64_t kv(const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = rbuf; *p;) {
        if (strncmp(p, key, kl) == 0 && p[kl] == ' ')
            return parse_count(p + kl + 1);
        p = strchr(p, '\n');
        if (!p)
            break;
        p++;
    }
    return -1;
}

/* cgroup v1 memory.stat: "total_KEY" when present (the root cgroup has it too), else "KEY". */
static int64_t kv_v1(const char *key)
{
    char k[32] = "total_";
    strcat(k, key);
    int64_t v = kv(k);
    return v >= 0 ? v : kv(key);
}

/* "0.00" as hundredths (12.34 -> 1234); -1 when not a number. */
static int64_t parse_centi(const char *p)
{
    int64_t whole = parse_count(p);
    if (whole < 0)
        return -1;
    while (*p >= '0' && *p <= '9')
        p++;
    int64_t frac = 0;
    if (*p == '.') {
        p++;
        for (int i = 0; i < 2; i++) {
            frac = frac * 10 + ((*p >= '0' && *p <= '9') ? *p - '0' : 0);
            if (*p >= '0' && *p <= '9')
                p++;
        }
    }
    return whole * 100 + frac;
}

/* One line of a PSI file in rbuf: "some avg10=0.12 avg60=0.00 avg300=0.00 total=1234". */
static void psi_line(const char *which, int64_t *avg10, int64_t *total)
{
    for (const char *p = rbuf; *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        if (strncmp(p, which, 4) == 0 && p[4] == ' ') {
            for (const char *q = p; q < end; q++) {
                if (strncmp(q, " avg10=", 7) == 0)
                    *avg10 = parse_centi(q + 7);
                else if (strncmp(q, " total=", 7) == 0)
                    *total = parse_count(q + 7);
            }
            return;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
}

static void read_counters(int64_t c[C_N])
{
    for (int i = 0; i < C_N; i++)
        c[i] = -1;
    if (cg_version == 0)
        return;
    c[C_USAGE] = read_single(fd_usage);
    c[C_LIMIT] = read_single(fd_limit);
    c[C_MAX_USAGE] = read_single(fd_max_usage);
    if (slurp(fd_stat) > 0) {
        int64_t shmem;
        if (cg_version == 1) {
            /* v1: cache includes shmem, rss excludes it. The total_ keys are hierarchical like
             * usage_in_bytes; in a container's leaf cgroup they equal the plain ones. */
            int64_t cache = kv_v1("cache");
            shmem = kv_v1("shmem");
            c[C_ANON] = kv_v1("rss");
            c[C_FILE] = (cache >= 0 && shmem >= 0) ? cache - shmem : -1;
        } else {
            shmem = kv("shmem");
            int64_t file = kv("file");           /* v2 file includes shmem */
            c[C_ANON] = kv("anon");
            c[C_FILE] = (file >= 0 && shmem >= 0) ? file - shmem : -1;
        }
        c[C_SHMEM] = shmem;
    }
    if (cg_version == 1) {
        c[C_FAILCNT] = read_single(fd_failcnt);
        if (slurp(fd_oom_control) > 0) {
            c[C_UNDER_OOM] = kv("under_oom");
            c[C_OOM_KILL] = kv("oom_kill");
        }
        return;
    }
    if (slurp(fd_events) > 0) {
        c[C_FAILCNT] = kv("max");
        c[C_OOM_KILL] = kv("oom_kill");
        c[C_EV_HIGH] = kv("high");
        c[C_EV_MAX] = c[C_FAILCNT];
        c[C_EV_OOM] = kv("oom");
        c[C_EV_OOM_KILL] = c[C_OOM_KILL];
    }
    c[C_PEAK] = c[C_MAX_USAGE];
    c[C_HIGH_LIMIT] = read_single(fd_high);
    c[C_SWAP] = read_single(fd_swap);
    if (slurp(fd_pressure) > 0) {
        psi_line("some", &c[C_PSI_SOME_AVG10], &c[C_PSI_SOME_TOTAL]);
        psi_line("full", &c[C_PSI_FULL_AVG10], &c[C_PSI_FULL_TOTAL]);
    }
}

/*
 * The cgroup's own reclaim counters from memory.stat, on the start and exit lines only (before and
 * after): v1 has pgpgin/pgpgout (pages charged and uncharged); v2 counts scans and steals, by
 * kswapd and direct. Keys "stat_NAME", -1 where the kernel has none.
 */
static void put_reclaim_stat(void)
{
    static const char *const v1[] = {"pgpgin", "pgpgout", "dirty", "writeback"};
    static const char *const v2[] = {"pgscan", "pgsteal", "pgscan_kswapd", "pgscan_direct", "pgsteal_kswapd",
                                     "pgsteal_direct", "file_dirty", "file_writeback"};
    if (cg_version == 0)
        return;
    int ok = slurp(fd_stat) > 0;
    const char *const *keys = cg_version == 1 ? v1 : v2;
    int n = cg_version == 1 ? 4 : 8;
    for (int i = 0; i < n; i++) {
        char k[40] = "stat_";
        strcat(k, keys[i]);
        put_key(k);
        put_i64(ok ? (cg_version == 1 ? kv_v1(keys[i]) : kv(keys[i])) : -1);
    }
}

static void put_counters(void)
{
    int64_t c[C_N];
    read_counters(c);
    for (int i = 0; i < C_N; i++) {
        put_key(counter_name[i]);
        put_i64(c[i]);
    }
}

/* -------------------------------------------------------------- event lines */

/* Time is taken before the counters are read: t_us is when the work reached `done`. */
/* A step's number as its process counts it (from 0); -1 (no step) stays -1. */
static int64_t own_step(int step) { return step < 0 ? step : step - step_base; }

/* /proc/self/oom_score, the badness the OOM killer gives this process now; -1 when unreadable. */
static int64_t oom_score(void)
{
    int fd = open_ro("/proc/self/oom_score");
    int64_t v = fd >= 0 ? read_single(fd) : -1;
    if (fd >= 0)
        close(fd);
    return v;
}

/* "done":D,"target":T,"t_us":T: how far a step got, and when. */
static void put_reach(uint64_t done, uint64_t target, int64_t t)
{
    put_key("done");
    put_u64(done);
    put_key("target");
    put_u64(target);
    put_key("t_us");
    put_i64(t);
}

static void emit_step_event(const char *ev, int step, enum kind k, uint64_t done, uint64_t target)
{
    int64_t t = now_us();
    line_begin(ev);
    put_key("step");
    put_i64(own_step(step));
    put_kstr("kind", kind_name[k]);
    put_reach(done, target, t);
    if (my_proc) {
        put_key("oom_score");
        put_i64(oom_score());
    }
    put_counters();
    line_emit();
}

static void progress(int step, enum kind k, uint64_t done, uint64_t target)
{
    emit_step_event("progress", step, k, done, target);
}

static void step_done(int step, enum kind k, uint64_t done, uint64_t target)
{
    emit_step_event("step", step, k, done, target);
}

/* A syscall failed cleanly (ENOMEM, ENOSPC, EROFS...): one "fail" line, then exit. */
static void fail_exit(int step, const char *kind, const char *op, int err, uint64_t done,
                      uint64_t target, int code)
{
    int64_t t = now_us();
    line_begin("fail");
    put_key("step");
    put_i64(own_step(step));
    put_kstr("kind", kind);
    put_kstr("op", op);
    put_key("errno");
    put_i64(err);
    put_kstr("error", errno_name(err));
    put_reach(done, target, t);
    put_counters();
    line_emit();
    _exit(code);
}

static void fail(int step, enum kind k, const char *op, int err, uint64_t done, uint64_t target)
{
    fail_exit(step, kind_name[k], op, err, done, target, 3);
}

static void usage(const char *msg, const char *arg)
{
    line_begin("usage");
    put_s(",\"error\":\"");
    put_esc(msg, strlen(msg));
    if (arg) {
        size_t n = strlen(arg);
        put_esc(": ", 2);
        put_esc(arg, n > USAGE_ARG_MAX ? USAGE_ARG_MAX : n);
        if (n > USAGE_ARG_MAX)
            put_esc("...", 3);
    }
    put_raw("\"", 1);
    line_emit();
    _exit(2);
}

/* ------------------------------------------------------------------- steps */

static char pathbuf[PATH_CAP];

static const char *join_path(const char *dir, const char *prefix, int idx, const char *name)
{
    char num[16];
    int i = sizeof num;
    num[--i] = '\0';
    unsigned v = (unsigned)idx;
    do {
        num[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    size_t dl = strlen(dir);
    memcpy(pathbuf, dir, dl);
    pathbuf[dl] = '/';
    if (name) {
        strcpy(pathbuf + dl + 1, name);                 /* lengths checked when parsing */
    } else {
        strcpy(pathbuf + dl + 1, prefix);
        strcat(pathbuf + dl + 1, num + i);
    }
    return pathbuf;
}

/*
 * The hot loop: one volatile byte store per page, nothing else. After each chunk (and so after
 * the first one too) a progress line; the last chunk's line is followed by the "step" line.
 */
static void touch(int step, enum kind k, char *base, uint64_t len)
{
    const uint64_t page = page_size;
    volatile uint64_t *count = steps[step].until_killed ? touched_pages : NULL;
    uint64_t done = 0;
    while (done < len) {
        uint64_t n = len - done < chunk_bytes ? len - done : chunk_bytes;
        volatile char *p = base + done;
        if (count) {
            for (uint64_t off = 0; off < n; off += page) {
                p[off] = 1;
                *count += 1;
            }
        } else {
            for (uint64_t off = 0; off < n; off += page)
                p[off] = 1;
        }
        done += n;
        progress(step, k, done, len);
    }
}

static void do_shm(int i, const struct step *s)
{
    uint64_t len = s->n * MIB_BYTES;
    const char *path = join_path(shm_dir, "oomlab-", i, s->name);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        fail(i, K_SHM, "open", errno, 0, len);
    struct stat st;
    if (fstat(fd, &st) < 0)
        fail(i, K_SHM, "fstat", errno, 0, len);
    /* An existing segment of that size (another container's) is mapped and touched as it is. */
    if ((uint64_t)st.st_size != len && ftruncate(fd, (off_t)len) < 0)
        fail(i, K_SHM, "ftruncate", errno, 0, len);
    char *addr = NULL;
    if (len) {
        addr = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (addr == MAP_FAILED)
            fail(i, K_SHM, "mmap", errno, 0, len);
    }
    close(fd);
    segs[nsegs++] = (struct seg){addr, len, i, s->name};
    touch(i, K_SHM, addr, len);
    step_done(i, K_SHM, len, len);
}

static void do_ram(int i, const struct step *s)
{
    uint64_t len = s->n * MIB_BYTES;
    char *addr = NULL;
    if (len) {
        addr = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (addr == MAP_FAILED)
            fail(i, K_RAM, "mmap", errno, 0, len);
    }
    touch(i, K_RAM, addr, len);      /* kept mapped until the process ends */
    step_done(i, K_RAM, len, len);
}

static void do_freeshm(int i)
{
    uint64_t total = 0, done = 0;
    for (int j = 0; j < nsegs; j++)
        total += segs[j].len;
    for (int j = 0; j < nsegs; j++) {
        if (segs[j].len && munmap(segs[j].addr, segs[j].len) < 0)
            fail(i, K_FREESHM, "munmap", errno, done, total);
        done += segs[j].len;
        const char *path = join_path(shm_dir, "oomlab-", segs[j].step, segs[j].name);
        /* Already gone (removed by someone else) is what we want; other errors are not. */
        if (unlink(path) < 0 && errno != ENOENT)
            fail(i, K_FREESHM, "unlink", errno, done, total);
        segs[j].len = 0;
    }
    nsegs = 0;
    step_done(i, K_FREESHM, total, total);
}

/* A progress line each time another chunk is done, and at the end. */
static void chunk_progress(int i, enum kind k, uint64_t done, uint64_t len, uint64_t *next_report)
{
    if (done >= *next_report || done == len) {
        progress(i, k, done, len);
        while (*next_report <= done)
            *next_report += chunk_bytes;
    }
}

/*
 * Writes a file of len bytes at path, opened with flags, and returns it open. The source is 1 MiB
 * mapped read-only and never written, so reading it maps the zero page and costs no RSS; the page
 * cache pages the kernel fills are charged as usual. With report, a progress line per chunk.
 */
static int write_file(int i, enum kind k, const char *path, int flags, uint64_t len, int report)
{
    static const char *src;
    if (!src) {
        void *m = mmap(NULL, MIB_BYTES, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED)
            fail(i, k, "mmap", errno, 0, len);
        src = m;
    }
    int fd = open(path, flags | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        fail(i, k, "open", errno, 0, len);
    uint64_t done = 0, next_report = chunk_bytes;
    while (done < len) {
        uint64_t n = len - done < MIB_BYTES ? len - done : MIB_BYTES;
        ssize_t w = write(fd, src, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            fail(i, k, "write", w < 0 ? errno : ENOSPC, done, len);
        done += (uint64_t)w;
        if (report)
            chunk_progress(i, k, done, len, &next_report);
    }
    return fd;
}

static void do_file(int i, const struct step *s)
{
    uint64_t len = s->n * MIB_BYTES;
    int fd = write_file(i, K_FILE, join_path(file_dir, "oomlab-file-", i, NULL), O_WRONLY, len, 1);
    if (close(fd) < 0)
        fail(i, K_FILE, "close", errno, len, len);
    step_done(i, K_FILE, len, len);
}

static void do_sleep(int i, const struct step *s)
{
    progress(i, K_SLEEP, 0, s->n);
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += (time_t)(s->n / 1000);
    until.tv_nsec += (long)(s->n % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL) == EINTR)
        ;
    step_done(i, K_SLEEP, s->n, s->n);
}

/* What df would show for a path: the filesystem's own size and free space, as statfs says. */
static void do_statfs(int i, const struct step *s)
{
    struct statfs f;
    if (statfs(s->name, &f) < 0)
        fail(i, K_STATFS, "statfs", errno, 0, 0);
    uint64_t unit = f.f_frsize ? (uint64_t)f.f_frsize : (uint64_t)f.f_bsize;
    line_begin("statfs");
    put_key("step");
    put_i64(i);
    put_kstr("path", s->name);
    put_key("size");
    put_u64((uint64_t)f.f_blocks * unit);
    put_key("avail");
    put_u64((uint64_t)f.f_bavail * unit);
    put_key("t_us");
    put_i64(now_us());
    line_emit();
    step_done(i, K_STATFS, 0, 0);
}

/*
 * Clean page cache: a file written, synced and dropped from the cache, then read back whole, so
 * every page it leaves in the cache is clean (file:MIB leaves dirty pages until written back).
 */
static void do_read(int i, const struct step *s)
{
    static char *buf;
    uint64_t len = s->n * MIB_BYTES;
    if (!buf) {
        void *m = mmap(NULL, MIB_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED)
            fail(i, K_READ, "mmap", errno, 0, len);
        buf = m;
    }
    int fd = write_file(i, K_READ, join_path(file_dir, "oomlab-read-", i, NULL), O_RDWR, len, 0);
    if (fsync(fd) < 0)
        fail(i, K_READ, "fsync", errno, 0, len);
    int e = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    if (e)
        fail(i, K_READ, "posix_fadvise", e, 0, len);
    uint64_t done = 0, next_report = chunk_bytes;
    while (done < len) {
        ssize_t r = pread(fd, buf, MIB_BYTES, (off_t)done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            fail(i, K_READ, "read", r < 0 ? errno : EIO, done, len);
        done += (uint64_t)r;
        chunk_progress(i, K_READ, done, len, &next_report);
    }
    close(fd);
    step_done(i, K_READ, len, len);
}

/*
 * signal:NAME makes the file oomlab-signal-NAME in the shm directory (one page of tmpfs metadata,
 * no data); await:NAME:MS polls for it
 * every 20 ms, at most MS, and reports in "done" how many ms it waited (done == target: it timed
 * out). Containers sharing one IPC namespace share /dev/shm, so one can wait for another.
 */
static void do_signal(int i, const struct step *s)
{
    const char *path = join_path(shm_dir, NULL, -1, s->name);
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
        fail(i, K_SIGNAL, "open", errno, 0, 0);
    close(fd);
    step_done(i, K_SIGNAL, 0, 0);
}

static void do_await(int i, const struct step *s)
{
    const char *path = join_path(shm_dir, NULL, -1, s->name);
    progress(i, K_AWAIT, 0, s->n);
    int64_t start = now_us();
    uint64_t waited = 0;
    struct timespec tick = {0, 20 * 1000000L};
    while (access(path, F_OK) != 0 && waited < s->n) {
        nanosleep(&tick, NULL);
        waited = (uint64_t)(now_us() - start) / 1000;
    }
    step_done(i, K_AWAIT, waited < s->n ? waited : s->n, s->n);
}

/* Writes back every dirty page (sync(2)): what file:MIB left dirty becomes clean cache. */
static void do_sync(int i)
{
    progress(i, K_SYNC, 0, 0);
    sync();
    step_done(i, K_SYNC, 0, 0);
}

/* Burns CPU time for n ms (a busy loop on the clock): the OOM killer's old formula counted it. */
static void do_spin(int i, const struct step *s)
{
    progress(i, K_SPIN, 0, s->n);
    struct timespec c0, c;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    uint64_t spent_ms = 0;
    while (spent_ms < s->n) {
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
        spent_ms = (uint64_t)((c.tv_sec - c0.tv_sec) * 1000 + (c.tv_nsec - c0.tv_nsec) / 1000000);
    }
    step_done(i, K_SPIN, s->n, s->n);
}

/*
 * Keeps what the process holds until the run ends. With several processes it tells the supervisor
 * (a queued SIGRTMIN), which ends the run once every process has ended or holds.
 */
static void do_hold(int i)
{
    progress(i, K_HOLD, 0, 0);
    if (my_proc)
        kill(getppid(), SIGRTMIN);
    for (;;)
        pause();
}

/* ----------------------------------------------------------------- parsing */

/* Decimal digits only, the whole string; 0 on success. */
static int parse_dec(const char *s, const char **end, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    const char *p = s;
    if (*p < '0' || *p > '9')
        return -1;
    for (; *p >= '0' && *p <= '9'; p++) {
        v = v * 10 + (uint64_t)(*p - '0');
        if (v > max)
            return -1;
    }
    *end = p;
    *out = v;
    return 0;
}

static int starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

/* proc:NAME:ADJ starts a process: the steps after it, up to the next proc, are its own. */
static void parse_proc(const char *a)
{
    if (nprocs == MAX_PROCS)
        usage("too many processes (at most 16)", a);
    const char *name = a + 5;
    const char *colon = strchr(name, ':');
    size_t len = colon ? (size_t)(colon - name) : 0;
    if (!colon || len == 0 || len > MAX_PROC_NAME)
        usage("proc takes proc:NAME:ADJ (NAME 1-32 of A-Z a-z 0-9 . _ -, ADJ -1000..1000)", a);
    for (size_t k = 0; k < len; k++) {
        char c = name[k];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-'))
            usage("bad process name", a);
    }
    const char *v = colon + 1, *end;
    int neg = *v == '-';
    uint64_t adj;
    if (parse_dec(v + neg, &end, 1000, &adj) < 0 || *end)
        usage("proc takes proc:NAME:ADJ with ADJ from -1000 to 1000", a);
    static char names[MAX_PROCS][MAX_PROC_NAME + 1];
    memcpy(names[nprocs], name, len);
    names[nprocs][len] = '\0';
    for (int k = 0; k < nprocs; k++)
        if (strcmp(procs[k].name, names[nprocs]) == 0)
            usage("two processes with one name", a);
    procs[nprocs] = (struct proc){names[nprocs], neg ? -(int)adj : (int)adj, nsteps, 0, 0, P_RUNNING, 0};
    nprocs++;
}

static void parse_step(const char *a)
{
    if (nsteps == MAX_STEPS)
        usage("too many steps", a);
    struct step *s = &steps[nsteps];
    const char *end;
    s->name = NULL;
    s->n = 0;
    s->until_killed = 0;
    if (strcmp(a, "freeshm") == 0) {
        s->kind = K_FREESHM;
    } else if (strcmp(a, "hold") == 0) {
        s->kind = K_HOLD;
    } else if (strcmp(a, "sync") == 0) {
        s->kind = K_SYNC;
    } else if (starts(a, "read:")) {
        s->kind = K_READ;
        if (parse_dec(a + 5, &end, MAX_MIB, &s->n) < 0 || *end)
            usage("read takes read:MIB", a);
    } else if (starts(a, "ram-until-killed:") || starts(a, "shm-until-killed:")) {
        s->kind = a[0] == 'r' ? K_RAM : K_SHM;
        s->until_killed = 1;
        if (parse_dec(strchr(a, ':') + 1, &end, MAX_MIB, &s->n) < 0 || *end)
            usage("until killed takes ram-until-killed:MIB or shm-until-killed:MIB", a);
    } else if (starts(a, "shm:")) {
        s->kind = K_SHM;
        if (parse_dec(a + 4, &end, MAX_MIB, &s->n) < 0 || (*end && *end != ':'))
            usage("shm takes shm:MIB or shm:MIB:NAME", a);
        if (*end == ':') {
            const char *name = end + 1;
            if (!*name || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, "..") ||
                strlen(name) > MAX_NAME)
                usage("bad shm segment name", a);
            s->name = name;
        }
    } else if (starts(a, "signal:") || starts(a, "await:")) {
        s->kind = a[0] == 's' ? K_SIGNAL : K_AWAIT;
        const char *name = strchr(a, ':') + 1;
        const char *colon = strchr(name, ':');
        size_t len = colon ? (size_t)(colon - name) : strlen(name);
        if (s->kind == K_SIGNAL ? colon != NULL
                                : !colon || parse_dec(colon + 1, &end, MAX_MS, &s->n) < 0 || *end || s->n == 0)
            usage(s->kind == K_SIGNAL ? "signal takes signal:NAME" : "await takes await:NAME:MS", a);
        if (len == 0 || len > 64 || memchr(name, '/', len) || (len <= 2 && name[0] == '.'))
            usage("bad signal name", a);
        static char names[MAX_STEPS][sizeof "oomlab-signal-" + 64];  /* the file's name in the shm directory */
        strcpy(names[nsteps], "oomlab-signal-");
        memcpy(names[nsteps] + strlen("oomlab-signal-"), name, len);
        names[nsteps][strlen("oomlab-signal-") + len] = '\0';
        s->name = names[nsteps];
    } else if (starts(a, "statfs:")) {
        s->kind = K_STATFS;
        s->name = a + 7;
        if (s->name[0] != '/' || strlen(s->name) > PATH_CAP - 1)
            usage("statfs takes statfs:/ABSOLUTE/PATH", a);
    } else if (starts(a, "spin:")) {
        s->kind = K_SPIN;
        if (parse_dec(a + 5, &end, MAX_MS, &s->n) < 0 || *end)
            usage("spin takes spin:MS", a);
    } else if (starts(a, "ram:") || starts(a, "file:") || starts(a, "sleep:")) {
        const char *v = strchr(a, ':') + 1;
        s->kind = a[0] == 'r' ? K_RAM : a[0] == 'f' ? K_FILE : K_SLEEP;
        if (parse_dec(v, &end, s->kind == K_SLEEP ? MAX_MS : MAX_MIB, &s->n) < 0 || *end)
            usage(s->kind == K_SLEEP ? "sleep takes sleep:MS" :
                  s->kind == K_RAM ? "ram takes ram:MIB" : "file takes file:MIB", a);
    } else {
        usage("unknown step", a);
    }
    nsteps++;
}

/* "--name=VALUE" or "--name VALUE"; returns the value or NULL when arg is not that option. */
/* FILE=VALUE, FILE a memory.* file name (no path), VALUE digits or "max" (what those files take). */
static void parse_cg_set(const char *a)
{
    const char *eq = strchr(a, '=');
    if (ncg_sets == MAX_CG_SETS)
        usage("too many --cg-set", a);
    /* "../memory.min": the parent's file, for a container the lab put under a cgroup of its own */
    const char *file = starts(a, "../") ? a + 3 : a;
    if (!eq || !starts(file, "memory.") || eq - a > 64 || !eq[1])
        usage("--cg-set takes memory.FILE=VALUE or ../memory.FILE=VALUE", a);
    for (const char *q = file; q < eq; q++)
        if (!((*q >= 'a' && *q <= 'z') || *q == '.' || *q == '_'))
            usage("--cg-set: a cgroup file name has only a-z . _", a);
    if (strcmp(eq + 1, "max") != 0)
        for (const char *q = eq + 1; *q; q++)
            if (*q < '0' || *q > '9')
                usage("--cg-set: the value is a number of bytes, 0/1, or max", a);
    static char names[MAX_CG_SETS][72];
    memcpy(names[ncg_sets], a, (size_t)(eq - a));
    names[ncg_sets][eq - a] = '\0';
    cg_sets[ncg_sets].file = names[ncg_sets];
    cg_sets[ncg_sets].value = eq + 1;
    ncg_sets++;
}

static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc)
        usage("option needs a value", a);
    return argv[++*i];
}

static void parse_args(int argc, char **argv, int *stat_mode)
{
    const char *v;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--stat") == 0) {
            *stat_mode = 1;
        } else if ((v = opt_value(argc, argv, &i, "--chunk-mib"))) {
            const char *end;
            uint64_t mib;
            if (parse_dec(v, &end, MAX_MIB, &mib) < 0 || *end || mib == 0)
                usage("--chunk-mib takes a whole number of MiB >= 1", v);
            chunk_bytes = mib * MIB_BYTES;
        } else if ((v = opt_value(argc, argv, &i, "--dir"))) {
            file_dir = v;
        } else if ((v = opt_value(argc, argv, &i, "--shm-dir"))) {
            shm_dir = v;
        } else if ((v = opt_value(argc, argv, &i, "--cg-set"))) {
            parse_cg_set(v);
        } else if (a[0] == '-') {
            usage("unknown option", a);
        } else if (starts(a, "proc:")) {
            parse_proc(a);
        } else {
            parse_step(a);
            if (nprocs)
                procs[nprocs - 1].count++;
        }
    }
    if (*stat_mode) {
        if (nsteps)
            usage("--stat takes no steps", NULL);
        return;
    }
    if (!nsteps)
        usage("no steps (steps: shm:MIB[:NAME] ram:MIB freeshm file:MIB read:MIB sync sleep:MS spin:MS statfs:PATH hold"
              " signal:NAME await:NAME:MS"
              " ram-until-killed:MIB shm-until-killed:MIB; proc:NAME:ADJ starts a process)", NULL);
    if (!*file_dir || strlen(file_dir) > PATH_CAP - 64)
        usage("bad --dir", file_dir);
    if (!*shm_dir || strlen(shm_dir) > PATH_CAP - 64 - MAX_NAME)
        usage("bad --shm-dir", shm_dir);
    if (nprocs && procs[0].first != 0)
        usage("steps before the first proc:NAME:ADJ belong to no process", NULL);
    for (int p = 0; p < nprocs; p++)
        if (procs[p].count == 0)
            usage("a process has no steps", procs[p].name);
    int live = 0;
    for (int i = 0; i < nsteps; i++) {
        int last = nsteps - 1;
        for (int p = 0; p < nprocs; p++)
            if (i >= procs[p].first && i < procs[p].first + procs[p].count)
                last = procs[p].first + procs[p].count - 1;
        if (steps[i].kind == K_HOLD && i != last)
            usage("hold must be the last step (of its process)", NULL);
        if (steps[i].kind == K_FREESHM)
            live = 0;
        if (steps[i].kind == K_SHM && ++live > MAX_SEGS)
            usage("too many shm segments mapped at once", NULL);
    }
}

/*
 * Writes each --cg-set file of our own cgroup through the engine host's cgroup2 mount, bound at
 * CG_WRITE_ROOT (the container runs in the host's cgroup namespace, so /proc/self/cgroup names our
 * path below it), before any step runs; one "cgset" line each, with what the kernel reads back.
 * Never at the mount root: that would be the host's own cgroup.
 */
static void apply_cg_sets(void)
{
    for (int k = 0; k < ncg_sets; k++) {
        const struct cg_set *c = &cg_sets[k];
        char p[PATH_CAP];
        const char *rel = cg_dir + strlen(cg_dir) - cg_rel_len;
        if (cg_version != 2 || cg_rel_len == 0)
            fail_exit(-1, "cgroup", cg_version != 2 ? "cg-set needs cgroup v2" : "cg-set: own cgroup not found",
                      ENOENT, 0, 0, 4);
        size_t wl = strlen(CG_WRITE_ROOT);
        if (wl + cg_rel_len + 1 + strlen(c->file) >= sizeof p)
            fail_exit(-1, "cgroup", "cg-set: path too long", ENAMETOOLONG, 0, 0, 4);
        memcpy(p, CG_WRITE_ROOT, wl);
        memcpy(p + wl, rel, cg_rel_len);
        p[wl + cg_rel_len] = '/';
        strcpy(p + wl + cg_rel_len + 1, c->file);
        int fd = open(p, O_WRONLY | O_CLOEXEC);
        size_t vl = strlen(c->value);
        if (fd < 0 || write(fd, c->value, vl) != (ssize_t)vl) {
            int e = errno;
            if (fd >= 0)
                close(fd);
            fail_exit(-1, "cgroup", c->file, e, 0, 0, 4);
        }
        close(fd);
        line_begin("cgset");
        put_kstr("file", c->file);
        put_kstr("value", c->value);
        fd = open_ro(p);
        ssize_t n = fd >= 0 ? slurp(fd) : -1;
        if (fd >= 0)
            close(fd);
        while (n > 0 && (rbuf[n - 1] == '\n' || rbuf[n - 1] == ' '))
            rbuf[--n] = '\0';
        put_kstr("read", n >= 0 ? rbuf : "");
        put_kstr("path", p + wl);
        line_emit();
    }
}

/* ------------------------------------------------------------------ worker */

static __attribute__((noreturn)) void run_steps(int first, int count)
{
    for (int i = first; i < first + count; i++) {
        const struct step *s = &steps[i];
        switch (s->kind) {
        case K_SHM: do_shm(i, s); break;
        case K_RAM: do_ram(i, s); break;
        case K_FREESHM: do_freeshm(i); break;
        case K_FILE: do_file(i, s); break;
        case K_SLEEP: do_sleep(i, s); break;
        case K_HOLD: do_hold(i); break;
        case K_STATFS: do_statfs(i, s); break;
        case K_SPIN: do_spin(i, s); break;
        case K_READ: do_read(i, s); break;
        case K_SYNC: do_sync(i); break;
        case K_SIGNAL: do_signal(i, s); break;
        case K_AWAIT: do_await(i, s); break;
        }
    }

    line_begin("end");
    put_key("t_us");
    put_i64(now_us());
    put_counters();
    line_emit();
    _exit(0);
}

/* Raising it needs no privilege; going below the container's own value needs CAP_SYS_RESOURCE. */
static void set_oom_score_adj(int adj)
{
    char v[16];
    int n = 0;
    unsigned u = (unsigned)(adj < 0 ? -adj : adj);
    char t[12];
    int k = 0;
    do {
        t[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (adj < 0)
        v[n++] = '-';
    while (k)
        v[n++] = t[--k];
    int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, v, (size_t)n) != n)
        fail_exit(-1, "proc", "oom_score_adj", errno, 0, 0, 3);
    close(fd);
}

static __attribute__((noreturn)) void become_worker(pid_t supervisor, int gate, const sigset_t *mask,
                                                    const struct proc *p)
{
    /* Default TERM/INT: the worker is not PID 1, so a forwarded TERM kills it, and being a
     * fatal signal it also ends a wait in a stuck OOM (oom_kill_disable), where a handler
     * would never run. SIGBUS keeps its default too: it is never caught. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigprocmask(SIG_SETMASK, mask, NULL);
    /* In a container the worker dies with PID 1 anyway; on a host the kernel sees to it. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);

    char b;
    while (read(gate, &b, 1) < 0 && errno == EINTR)     /* EOF: the supervisor is ready */
        ;
    close(gate);
    if (getppid() != supervisor)
        _exit(1);                                       /* it died before prctl: nobody listens */
    if (!p)
        run_steps(0, nsteps);
    my_proc = p->name;
    step_base = p->first;
    set_oom_score_adj(p->adj);
    run_steps(p->first, p->count);
}

/* -------------------------------------------------------------- supervisor */

#define SUPERVISOR_STACK (64 * 1024)    /* far beyond the supervisor's deepest call chain */

extern char __data_start[], _end[];     /* the program's .data and .bss (crt1 and the linker) */

/*
 * Writes one byte of each page of [lo, hi) with its own value. After fork() every page is
 * shared copy-on-write with the worker: this write gives the supervisor its own copy now,
 * while the cgroup has room, and faults in a page never touched; later writes then need no
 * memory at all, whatever the worker has done to the cgroup by then.
 */
static void own_pages(volatile char *lo, volatile char *hi)
{
    uintptr_t p = (uintptr_t)lo;
    while (p < (uintptr_t)hi) {
        volatile char *c = (volatile char *)p;
        *c = *c;
        p = (p & ~(uintptr_t)(page_size - 1)) + page_size;
    }
}

/* The stack from SUPERVISOR_STACK below this frame up to the caller's frame at hi. */
static __attribute__((noinline)) void own_stack(void *hi)
{
    volatile char pad[SUPERVISOR_STACK];
    for (size_t i = 0; i < sizeof pad; i += 256)
        pad[i] = 0;
    own_pages(pad, (volatile char *)hi + 64);
}

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGHUP: return "SIGHUP";
    case SIGINT: return "SIGINT";
    case SIGQUIT: return "SIGQUIT";
    case SIGILL: return "SIGILL";
    case SIGTRAP: return "SIGTRAP";
    case SIGABRT: return "SIGABRT";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGKILL: return "SIGKILL";
    case SIGUSR1: return "SIGUSR1";
    case SIGSEGV: return "SIGSEGV";
    case SIGUSR2: return "SIGUSR2";
    case SIGPIPE: return "SIGPIPE";
    case SIGALRM: return "SIGALRM";
    case SIGTERM: return "SIGTERM";
#ifdef SIGSTKFLT
    case SIGSTKFLT: return "SIGSTKFLT";
#endif
    case SIGCHLD: return "SIGCHLD";
    case SIGCONT: return "SIGCONT";
    case SIGSTOP: return "SIGSTOP";
    case SIGTSTP: return "SIGTSTP";
    case SIGTTIN: return "SIGTTIN";
    case SIGTTOU: return "SIGTTOU";
    case SIGURG: return "SIGURG";
    case SIGXCPU: return "SIGXCPU";
    case SIGXFSZ: return "SIGXFSZ";
    case SIGVTALRM: return "SIGVTALRM";
    case SIGPROF: return "SIGPROF";
    case SIGWINCH: return "SIGWINCH";
    case SIGIO: return "SIGIO";
#ifdef SIGPWR
    case SIGPWR: return "SIGPWR";
#endif
    case SIGSYS: return "SIGSYS";
    default: return NULL;
    }
}

/* An until-killed step's page count, for the exit line; nothing when the run has none. */
static void put_touched_pages(void)
{
    if (touched_pages) {
        put_key("touched_pages");
        put_u64(*touched_pages);
        put_key("touched_bytes");
        put_u64(*touched_pages * page_size);
    }
}

/* "status", "code", "signal" and "signal_name" of a waitpid status. */
static void put_status(int status)
{
    int signaled = WIFSIGNALED(status);
    int sig = signaled ? WTERMSIG(status) : 0;
    put_kstr("status", signaled ? "signaled" : "exited");
    put_key("code");
    put_i64(signaled ? -1 : WEXITSTATUS(status));
    put_key("signal");
    put_i64(sig);
    put_key("signal_name");
    put_raw("\"", 1);
    if (signaled) {
        const char *name = signal_name(sig);
        if (name) {
            put_s(name);
        } else {
            put_s("SIG");                              /* real-time signals: SIG34... */
            put_i64(sig);
        }
    }
    put_raw("\"", 1);
}

/*
 * One "proc" line per process of a run with several: written when it ends (status of its death),
 * or with status "holding" when the run ends while it holds; then it is stopped.
 */
static void report_proc(const struct proc *p, int holding)
{
    int64_t t = now_us();
    line_begin("proc");
    put_kstr("proc", p->name);
    put_key("pid");
    put_i64(p->pid);
    put_key("oom_score_adj");
    put_i64(p->adj);
    if (holding) {
        put_kstr("status", "holding");
        put_key("code");
        put_i64(-1);
        put_key("signal");
        put_i64(0);
        put_kstr("signal_name", "");
    } else {
        put_status(p->status);
    }
    put_key("t_us");
    put_i64(t);
    put_counters();
    line_emit();
}

/*
 * The last line: how the run ended and the cgroup's counters after it (see the top). DECIDER is
 * the worker whose end sets the exit code (NULL: every process did its steps or holds); HUNG says
 * the supervisor found it stalled under OOM and stopped it.
 */
static __attribute__((noreturn)) void report_exit(const struct proc *decider, int hung)
{
    int64_t t = now_us();
    int status = decider ? decider->status : 0;
    int signaled = WIFSIGNALED(status);
    int sig = signaled ? WTERMSIG(status) : 0;
    int code = signaled ? -1 : WEXITSTATUS(status);
    if (nprocs && !decider) {
        line_begin("end");
        put_key("t_us");
        put_i64(t);
        put_counters();
        line_emit();
    }
    line_begin("exit");
    put_key("worker_pid");
    put_i64(decider ? decider->pid : 0);
    put_status(status);
    if (decider && decider->name)
        put_kstr("proc", decider->name);
    if (hung) {
        put_key("hung");
        put_i64(1);
    }
    put_key("t_us");
    put_i64(t);
    put_touched_pages();
    put_counters();
    put_reclaim_stat();
    line_emit();
    _exit(hung ? EXIT_HUNG : signaled ? 128 + sig : code);
}

/*
 * The page an until-killed step counts in: shared, so the count outlives the worker; written
 * once here so that it is charged before the worker fills the cgroup.
 */
static void map_touched_pages(void)
{
    int wanted = 0;
    for (int i = 0; i < nsteps; i++)
        wanted |= steps[i].until_killed;
    if (!wanted)
        return;
    void *p = mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        fail_exit(-1, "supervisor", "mmap", errno, 0, 0, 4);
    touched_pages = p;
    *touched_pages = 0;
}

/*
 * Stalled under OOM: on v1 the cgroup says under_oom 1 (the killer disabled, the task waits for
 * memory); on v2, where no such flag exists, OOM events keep coming with no kill (no process the
 * killer may take). Read from inside, so it needs nothing from the host.
 */
static int stalled_under_oom(void)
{
    static int64_t last_oom = -1, last_kill = -1;
    int64_t c[C_N];
    read_counters(c);
    if (cg_version == 1)
        return c[C_UNDER_OOM] == 1;
    int stalled = last_oom >= 0 && c[C_EV_OOM] > last_oom && c[C_EV_OOM_KILL] == last_kill;
    last_oom = c[C_EV_OOM];
    last_kill = c[C_EV_OOM_KILL];
    return stalled;
}

static void signal_live(int sig)
{
    for (int k = 0; k < (nprocs ? nprocs : 1); k++)
        if (procs[k].pid > 0 && procs[k].state != P_ENDED)
            kill(procs[k].pid, sig);
}

static int end_order[MAX_PROCS];  /* indexes of the processes in the order they ended */
static int nended;
static int stopping;              /* the supervisor is stopping the rest: their ends are not news */

/* Reaps what has ended; a process ending is reported at once (with several). */
static void reap(int blocking)
{
    int status;
    pid_t r;
    while ((r = waitpid(-1, &status, blocking ? 0 : WNOHANG)) != 0) {
        if (r < 0) {
            if (errno == EINTR)
                continue;
            if (errno == ECHILD)
                return;
            fail_exit(-1, "supervisor", "waitpid", errno, 0, 0, 4);
        }
        for (int k = 0; k < (nprocs ? nprocs : 1); k++) {
            if (procs[k].pid == r && procs[k].state != P_ENDED) {
                procs[k].state = P_ENDED;
                procs[k].status = status;
                end_order[nended++] = k;
                if (nprocs && !stopping)
                    report_proc(&procs[k], 0);
            }
        }                             /* else an orphan re-parented to PID 1: reaped and ignored */
        if (blocking)
            return;
    }
}

/* 0 running, 1 the run is over: every worker ended, or (with several) ended or holds. */
static int run_over(void)
{
    int n = nprocs ? nprocs : 1;
    for (int k = 0; k < n; k++)
        if (procs[k].state == P_RUNNING || (procs[k].state == P_HOLDING && !nprocs))
            return 0;
    return 1;
}

/*
 * True while the cgroup counts more OOM kills than the supervisor has seen processes die of
 * SIGKILL: a victim killed but not yet gone (the OOM reaper frees its memory before it exits, so
 * another process may already hold, and the run look over, while it is still a task).
 */
static int64_t oom_kill_base = -1;
static int kill_in_flight(void)
{
    int64_t c[C_N];
    read_counters(c);
    if (oom_kill_base < 0 || c[C_OOM_KILL] < 0)
        return 0;
    int64_t seen = 0;
    for (int k = 0; k < nprocs; k++)
        if (procs[k].state == P_ENDED && WIFSIGNALED(procs[k].status) && WTERMSIG(procs[k].status) == SIGKILL)
            seen++;
    return c[C_OOM_KILL] - oom_kill_base > seen;
}

/* The process that decides the exit code: the first killed, else the first that failed. */
static const struct proc *decider(const int *order, int ended)
{
    if (!nprocs)
        return &procs[0];
    for (int k = 0; k < ended; k++)
        if (WIFSIGNALED(procs[order[k]].status))
            return &procs[order[k]];
    for (int k = 0; k < ended; k++)
        if (WEXITSTATUS(procs[order[k]].status) != 0)
            return &procs[order[k]];
    return NULL;
}

/*
 * PID 1's life after "start": fork the workers (one per process, or one for every step), make
 * every page it will write its own, let the workers go, then wait. TERM/INT/CHLD/RTMIN stay
 * blocked and are taken with sigtimedwait, so no handler frame ever lands on the stack at an
 * unknown depth; its timeout is the tick of the stall check.
 */
static __attribute__((noreturn)) void supervise(const sigset_t *waited, const sigset_t *worker_mask)
{
    int gate[2];
    if (pipe2(gate, O_CLOEXEC) < 0)
        fail_exit(-1, "supervisor", "pipe2", errno, 0, 0, 4);
    map_touched_pages();
    pid_t self = getpid();
    int n = nprocs ? nprocs : 1;
    if (nprocs) {
        int64_t c[C_N];
        read_counters(c);
        oom_kill_base = c[C_OOM_KILL];
    }
    if (!nprocs)
        procs[0] = (struct proc){NULL, 0, 0, nsteps, 0, P_RUNNING, 0};
    for (int k = 0; k < n; k++) {
        pid_t w = fork();
        if (w < 0) {
            signal_live(SIGKILL);
            fail_exit(-1, "supervisor", "fork", errno, 0, 0, 4);
        }
        if (w == 0) {
            close(gate[1]);
            become_worker(self, gate[0], worker_mask, nprocs ? &procs[k] : NULL);
        }
        procs[k].pid = w;
    }
    close(gate[0]);
    own_stack(__builtin_frame_address(0));
    own_pages(__data_start, _end);
    own_pages((volatile char *)&errno, (volatile char *)(&errno + 1));
    close(gate[1]);

    int ended = 0, hung = 0, stalled_ticks = 0, settle_ticks = 0;
    struct timespec tick = {0, STALL_TICK_MS * 1000000L};
    for (;;) {
        reap(0);
        ended = 0;
        for (int k = 0; k < n; k++)
            if (procs[k].state == P_ENDED)
                ended++;
        if (run_over() && !(nprocs && kill_in_flight() && settle_ticks++ < SETTLE_TICKS))
            break;
        siginfo_t info;
        int sig = sigtimedwait(waited, &info, &tick);
        if (sig == SIGTERM || sig == SIGINT) {
            signal_live(sig);
        } else if (sig == SIGRTMIN) {
            for (int k = 0; k < n; k++)
                if (procs[k].pid == info.si_pid && procs[k].state == P_RUNNING)
                    procs[k].state = P_HOLDING;
        } else if (sig < 0 && errno == EAGAIN) {
            stalled_ticks = stalled_under_oom() ? stalled_ticks + 1 : 0;
            if (stalled_ticks >= STALL_TICKS) {
                hung = 1;
                break;
            }
        }
    }
    if (hung) {
        line_begin("hung");
        put_key("t_us");
        put_i64(now_us());
        put_counters();
        line_emit();
    }
    ended = nended;                   /* what ended on its own, in order; the rest is stopped now */
    for (int k = 0; k < n; k++)
        if (nprocs && procs[k].state == P_HOLDING)
            report_proc(&procs[k], 1);
    if (hung || nprocs) {
        stopping = 1;
        signal_live(SIGKILL);
        while (nended < n)
            reap(1);
    }
    const struct proc *d = hung ? NULL : decider(end_order, ended);
    if (hung)
        for (int k = 0; k < n && !d; k++)
            if (procs[k].state == P_ENDED)
                d = &procs[k];
    report_exit(d, hung);
}

/* ------------------------------------------------------------------- main */

int main(int argc, char **argv)
{
    clock_gettime(CLOCK_MONOTONIC, &t0);

    /* Blocked from the start so none is lost before the supervisor waits for them (as PID 1
     * an unblocked signal without a handler is dropped); the worker unblocks them. */
    sigset_t waited, worker_mask;
    sigemptyset(&waited);
    sigaddset(&waited, SIGTERM);
    sigaddset(&waited, SIGINT);
    sigaddset(&waited, SIGCHLD);
    sigaddset(&waited, SIGRTMIN);    /* a process of several holds (see do_hold) */
    sigprocmask(SIG_BLOCK, &waited, &worker_mask);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);   /* a closed log must not turn into exit 141 */

    unsigned long ps = getauxval(AT_PAGESZ);
    if (ps)
        page_size = ps;

    int stat_mode = 0;
    parse_args(argc, argv, &stat_mode);
    cg_detect();

    if (stat_mode) {
        line_begin("stat");
        put_counters();
        line_emit();
        return 0;
    }

    int64_t t = now_us();
    line_begin("start");
    put_key("v");
    put_i64(1);
    put_key("pid");
    put_i64(getpid());
    put_key("cgroup");
    put_i64(cg_version);
    put_key("page");
    put_u64(page_size);
    put_key("t_us");
    put_i64(t);
    put_counters();
    put_reclaim_stat();
    line_emit();
    apply_cg_sets();

    supervise(&waited, &worker_mask);
}
