/*
 * The plain page-touch loop the probe is benchmarked against (bench/probe-touch.sh).
 *   touchloop ram MIB          anonymous private mapping
 *   touchloop shm MIB PATH     file created at PATH, sized, mapped shared
 * Touches one byte per page, exactly as the probe's inner loop does, with no progress lines
 * and no counters, then prints "BYTES MICROSECONDS" (mmap/open to last page touched).
 * The mapping and the file are left for process exit and the caller to clean up.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static int64_t mono_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
    int shm = argc == 4 && strcmp(argv[1], "shm") == 0;
    if (!(shm || (argc == 3 && strcmp(argv[1], "ram") == 0))) {
        fprintf(stderr, "usage: touchloop ram MIB | touchloop shm MIB PATH\n");
        return 2;
    }
    uint64_t len = strtoull(argv[2], NULL, 10) << 20;
    uint64_t page = getauxval(AT_PAGESZ);
    if (!len || !page) {
        fprintf(stderr, "touchloop: bad size\n");
        return 2;
    }

    int64_t t_start = mono_us();
    char *base;
    if (shm) {
        int fd = open(argv[3], O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0 || ftruncate(fd, (off_t)len) < 0) {
            perror("touchloop: open/ftruncate");
            return 3;
        }
        base = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        close(fd);
    } else {
        base = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }
    if (base == MAP_FAILED) {
        perror("touchloop: mmap");
        return 3;
    }
    volatile char *p = base;
    for (uint64_t off = 0; off < len; off += page)
        p[off] = 1;
    int64_t t_end = mono_us();

    printf("%llu %lld\n", (unsigned long long)len, (long long)(t_end - t_start));
    return 0;
}
