// Runs a SharpFuzz target (Fuzzer.LibFuzzer.Run) under libFuzzer.
//
// libFuzzer calls LLVMFuzzerTestOneInput in this process; the .NET target runs in a child process started once.
// They share one System V segment: the target's edge map (64 KiB, written by SharpFuzz's instrumentation) followed
// by the input. For each input this process writes its length (int32) to the control pipe and reads the target's
// status (int32, 0 = no exception) from the status pipe; SharpFuzz finds the segment and both pipes through the
// environment variables below. The edge map is copied into libFuzzer's extra counters, so libFuzzer's coverage
// (ft:) is the .NET code's. A nonzero status or a dead target aborts, which libFuzzer records as a crash.
//
// Usage: MARCGATE_FUZZ_TARGET="PROGRAM ARG..." sharpfuzz-libfuzzer [libFuzzer flags] CORPUS...
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <unistd.h>

#define MAP_SIZE (1 << 16)
#define MAX_INPUT (1 << 20)
#define MAX_ARGS 16

// libFuzzer reads counters placed in this section as extra coverage.
__attribute__((used, section("__libfuzzer_extra_counters"))) static uint8_t extra_counters[MAP_SIZE];

static uint8_t *shared;
static int control_fd = -1;
static int status_fd = -1;
static pid_t target_pid;
static uint8_t edges_seen[MAP_SIZE];
static unsigned long long inputs_run;

static void die(const char *what) {
  fprintf(stderr, "sharpfuzz-libfuzzer: %s: %s\n", what, errno ? strerror(errno) : "failed");
  exit(1);
}

static int write_all(int fd, const void *buffer, size_t count) {
  const char *p = buffer;
  while (count > 0) {
    ssize_t n = write(fd, p, count);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    p += n;
    count -= (size_t)n;
  }
  return 0;
}

static int read_all(int fd, void *buffer, size_t count) {
  char *p = buffer;
  while (count > 0) {
    ssize_t n = read(fd, p, count);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    p += n;
    count -= (size_t)n;
  }
  return 0;
}

// Printed at a normal exit (runs or time used up): the edges the target reached over the whole run.
static void report_edges(void) {
  unsigned edges = 0;
  for (size_t i = 0; i < MAP_SIZE; i++) edges += edges_seen[i] != 0;
  fprintf(stderr, "sharpfuzz-libfuzzer: %llu inputs, %u edges of the .NET code reached (of a %d-entry map)\n",
          inputs_run, edges, MAP_SIZE);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *command = getenv("MARCGATE_FUZZ_TARGET");
  if (command == NULL || *command == '\0') {
    fprintf(stderr, "sharpfuzz-libfuzzer: set MARCGATE_FUZZ_TARGET to the target's command line\n");
    exit(1);
  }

  char *words = strdup(command);
  char *target_argv[MAX_ARGS + 1];
  int count = 0;
  for (char *word = strtok(words, " "); word != NULL && count < MAX_ARGS; word = strtok(NULL, " ")) {
    target_argv[count++] = word;
  }
  target_argv[count] = NULL;

  int shm_id = shmget(IPC_PRIVATE, MAP_SIZE + MAX_INPUT, IPC_CREAT | IPC_EXCL | 0600);
  if (shm_id < 0) die("shmget");
  shared = shmat(shm_id, NULL, 0);
  if (shared == (void *)-1) die("shmat");

  int control[2], status[2];
  if (pipe(control) != 0 || pipe(status) != 0) die("pipe");

  char value[32];
  snprintf(value, sizeof value, "%d", shm_id);
  setenv("__LIBFUZZER_SHM_ID", value, 1);
  snprintf(value, sizeof value, "%d", control[0]);
  setenv("__LIBFUZZER_CONTROL_PIPE_ID", value, 1);
  snprintf(value, sizeof value, "%d", status[1]);
  setenv("__LIBFUZZER_STATUS_PIPE_ID", value, 1);

  pid_t parent = getpid();
  target_pid = fork();
  if (target_pid < 0) die("fork");
  if (target_pid == 0) {
    // The target must not outlive a fuzzer that stops on a timeout (libFuzzer then _exits without cleanup).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    close(control[1]);
    close(status[0]);
    execvp(target_argv[0], target_argv);
    fprintf(stderr, "sharpfuzz-libfuzzer: cannot start %s: %s\n", target_argv[0], strerror(errno));
    _exit(127);
  }

  close(control[0]);
  close(status[1]);
  control_fd = control[1];
  status_fd = status[0];

  int32_t hello;
  if (read_all(status_fd, &hello, sizeof hello) != 0) die("the target did not start");
  // Both processes are attached now: the segment goes away when the last one detaches.
  shmctl(shm_id, IPC_RMID, NULL);
  atexit(report_edges);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > MAX_INPUT) return -1;
  memset(shared, 0, MAP_SIZE);
  if (size > 0) memcpy(shared + MAP_SIZE, data, size);

  int32_t length = (int32_t)size;
  int32_t status;
  if (write_all(control_fd, &length, sizeof length) != 0 || read_all(status_fd, &status, sizeof status) != 0) {
    fprintf(stderr, "sharpfuzz-libfuzzer: the target process died (stack overflow, out of memory or a runtime failure)\n");
    abort();
  }

  inputs_run++;
  memcpy(extra_counters, shared, MAP_SIZE);
  for (size_t i = 0; i < MAP_SIZE; i++) edges_seen[i] |= shared[i];
  if (status != 0) {
    fprintf(stderr, "sharpfuzz-libfuzzer: the target threw (status %d)\n", status);
    abort();
  }
  return 0;
}
