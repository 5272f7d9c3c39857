/*
 * syscall_fault.c: an LD_PRELOAD shim for tests (tests/cli_faults.sh) that makes
 * one system or library call fail, or makes a worker of `yuanflow ensemble`
 * speak its protocol badly, when the environment variable YF_FAULT says so.
 * Without YF_FAULT every call goes straight to the C library (or MPI). It
 * provokes the errors a test cannot reach otherwise: root, which runs the
 * tests, is not limited by `ulimit -u`; poll and waitpid fail only on a bug or
 * a kernel out of memory; a worker's message is this program's own encoding.
 *
 *   YF_FAULT=fork@N        the N-th fork() fails with EAGAIN (N = 1 by default)
 *   YF_FAULT=poll          the first poll() fails with ENOMEM
 *   YF_FAULT=waitpid       the first waitpid() fails with ECHILD
 *   YF_FAULT=short_run     each forked worker's first message is cut to 16 bytes
 *                          (shorter than a message's header)
 *   YF_FAULT=cut_run       each forked worker's first message loses its last 8
 *                          bytes (a whole header, the last series cut)
 *   YF_FAULT=mpi_recv_oom  in an MPI process, the allocation of the first run
 *                          received (the size MPI_Get_count just gave) fails
 *
 * A worker's message is a length (8 bytes) then that many bytes, each written
 * with write(2) to a pipe (src/cli/cmd_ensemble.c): the shim rewrites the
 * length and writes only the bytes it announces, so the stream stays in step.
 * Under AddressSanitizer, preload with ASAN_OPTIONS=verify_asan_link_order=0:
 * the shim's functions then come first and call ASan's through RTLD_NEXT.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* The next definition of `name` after this library (the C library's, or a
 * sanitizer's interceptor). */
static void *next(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f)
        abort();
    return f;
}

/* fn = the next `name` (POSIX's way to turn dlsym's pointer into a function's) */
#define NEXT(fn, name) (*(void **)(&(fn)) = next(name))

/* Is the fault `what` asked for? *at receives its "@N" (1 by default). */
static int fault(const char *what, long *at)
{
    const char *v = getenv("YF_FAULT");
    size_t n = strlen(what);
    if (!v || strncmp(v, what, n) != 0 || (v[n] != '\0' && v[n] != '@'))
        return 0;
    if (at)
        *at = v[n] == '@' ? atol(v + n + 1) : 1;
    return 1;
}

pid_t fork(void)
{
    static long forks;
    pid_t (*real)(void);
    NEXT(real, "fork");
    long at = 0;
    if (fault("fork", &at) && ++forks == at) {
        errno = EAGAIN;
        return -1;
    }
    return real();
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
    static int failed;
    int (*real)(struct pollfd *, nfds_t, int);
    NEXT(real, "poll");
    if (fault("poll", NULL) && !failed) {
        failed = 1;
        errno = ENOMEM;
        return -1;
    }
    return real(fds, nfds, timeout);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    static int failed;
    pid_t (*real)(pid_t, int *, int);
    NEXT(real, "waitpid");
    if (fault("waitpid", NULL) && !failed) {
        failed = 1;
        errno = ECHILD;
        return -1;
    }
    return real(pid, status, options);
}

/* ---- a worker that sends a damaged run ------------------------------------ */

static int cut_fd = -1;   /* the pipe whose message is being cut */
static uint64_t cut_len;  /* the bytes of it still to be written */
static int cut_done;      /* this process has damaged its first message */
static pid_t parent = -1; /* the process that loaded the shim first */

__attribute__((constructor)) static void remember_parent(void)
{
    parent = getpid();
}

ssize_t write(int fd, const void *buf, size_t count)
{
    ssize_t (*real)(int, const void *, size_t);
    NEXT(real, "write");
    int short_run = fault("short_run", NULL), cut_run = fault("cut_run", NULL);
    if ((!short_run && !cut_run) || getpid() == parent)
        return real(fd, buf, count);
    if (fd == cut_fd) {
        /* the message after its length: write only the bytes announced */
        size_t n = count < cut_len ? count : (size_t)cut_len;
        const unsigned char *p = buf;
        size_t done = 0;
        while (done < n) {
            ssize_t w = real(fd, p + done, n - done);
            if (w <= 0)
                return w;
            done += (size_t)w;
        }
        cut_fd = -1;
        return (ssize_t)count; /* the worker believes it sent everything */
    }
    struct stat info;
    if (!cut_done && count == sizeof(uint64_t) && fstat(fd, &info) == 0 && S_ISFIFO(info.st_mode)) {
        uint64_t len;
        memcpy(&len, buf, sizeof len);
        uint64_t damaged = short_run ? 16 : len - 8;
        if (damaged < len) {
            cut_done = 1;
            cut_fd = fd;
            cut_len = damaged;
            ssize_t w = real(fd, &damaged, sizeof damaged);
            return w == (ssize_t)sizeof damaged ? (ssize_t)count : w;
        }
    }
    return real(fd, buf, count);
}

/* ---- MPI: rank 0 out of memory receiving a run ---------------------------- */

static size_t fail_size; /* the next allocation of this size fails (0: none) */

/* MPI_Get_count(const MPI_Status *, MPI_Datatype, int *): the handles are
 * passed through untouched (a pointer in Open MPI, an int in MPICH, both in
 * one register). */
int MPI_Get_count(const void *status, void *datatype, int *count);

int MPI_Get_count(const void *status, void *datatype, int *count)
{
    int (*real)(const void *, void *, int *);
    NEXT(real, "MPI_Get_count");
    static int armed;
    int rc = real(status, datatype, count);
    if (fault("mpi_recv_oom", NULL) && !armed && *count > 0) {
        armed = 1;
        fail_size = (size_t)*count;
    }
    return rc;
}

void *realloc(void *p, size_t size)
{
    static void *(*real)(void *, size_t);
    if (!real)
        NEXT(real, "realloc");
    if (fail_size && !p && size == fail_size) {
        fail_size = 0;
        errno = ENOMEM;
        return NULL;
    }
    return real(p, size);
}
