/* fuzz.h — what the libFuzzer harnesses share: a diagnostic function that
 * drops everything, and the input written to a file of a temporary folder
 * of the harness's own (made on the first run, kept for the process). */
#ifndef COCOM_FUZZ_H
#define COCOM_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "context.h"

static inline void quiet(void *user, const CocomDiagnostic *d)
{
    (void)user;
    (void)d;
}

static char dir[64];

/* Writes data to DIR/name, DIR being /tmp/cocom-fuzz-<harness>-XXXXXX, and
 * puts that path in path[128]. */
static inline void fuzz_write_input(const char *harness, const char *name, const uint8_t *data, size_t size, char *path)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/cocom-fuzz-%s-XXXXXX", harness);
        if (!mkdtemp(dir))
            abort();
    }
    snprintf(path, 128, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
}

#endif
