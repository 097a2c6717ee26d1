/*
 * A disk whose flush is slow, simulated for bench/load.ts --flush-delay-ms: loaded with LD_PRELOAD, it waits
 * BENCH_FLUSH_DELAY_US microseconds before each fsync and fdatasync of the process, then flushes as usual. A hard
 * disk or a consumer SSD takes milliseconds to flush where this machine's virtual disk takes a quarter of one; SQLite
 * with synchronous=FULL flushes at every commit. Built by bench/load.ts with the machine's C compiler (cc).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

static void wait_before_flush(void) {
  const char *v = getenv("BENCH_FLUSH_DELAY_US");
  long us = v ? atol(v) : 0;
  struct timespec t = { us / 1000000, (us % 1000000) * 1000 };
  while (us > 0 && nanosleep(&t, &t) != 0) {
  }
}

int fsync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  wait_before_flush();
  return real(fd);
}

int fdatasync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  wait_before_flush();
  return real(fd);
}
