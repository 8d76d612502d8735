/* heap.h — how the command line sets up the C library's heap before it
 * does anything else.  A policy for a process that formats one batch of
 * documents and exits; libcocom leaves the heap of the program it is in
 * alone, and so should any program but cocom's own.
 */
#ifndef COCOM_HEAP_H
#define COCOM_HEAP_H

/* Asks glibc's malloc to grow the heap in large steps and to keep what
 * is freed for the run (heap.c says why).  Call first thing in main(),
 * before any thread starts.  Does nothing when COCOM_HEAP=0 is set (for
 * measuring); never fails. */
void cocom_heap_prepare(void);

#endif
