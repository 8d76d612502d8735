/* zip-load.h — libzip, loaded when a DOCX is to be written, not at start.
 *
 * Only the DOCX output (outputs.c) writes a zip, yet linked like the other
 * libraries libzip made every run of cocom load and relocate it and what
 * Debian 12 builds it with: libcrypto (OpenSSL, for zip encryption cocom
 * never asks for), liblzma and libbz2.  A one-page FO render went from
 * 78.8 to 87.0 million instructions when the DOCX output came (callgrind,
 * bench/'s one-section report), nearly all of it the dynamic linker's
 * symbol lookups.  So libcocom opens libzip with dlopen() when outputs.c
 * first needs it: cocom_zip_load().
 *
 * outputs.c calls libzip through the table below; the #defines after it
 * let it keep libzip's own names.  Every function it uses must be in
 * COCOM_ZIP_FUNCTIONS and have its #define: one missing from the list
 * fails to compile, one without a #define fails to link (libcocom is not
 * linked with -lzip).
 *
 * The library is opened once per process and never closed; the environment
 * variable COCOM_ZIP_LIBRARY names another file to open instead (a build of
 * one's own, or a name that does not exist, for the tests).  All functions
 * here are thread-safe.
 */
#ifndef COCOM_ZIP_LOAD_H
#define COCOM_ZIP_LOAD_H

#include <zip.h>

#define COCOM_ZIP_FUNCTIONS(X) \
    X(zip_close) X(zip_discard) X(zip_error_fini) X(zip_error_init_with_code) X(zip_error_strerror) \
    X(zip_file_add) X(zip_file_set_external_attributes) X(zip_file_set_mtime) X(zip_open) \
    X(zip_set_file_compression) X(zip_source_buffer) X(zip_source_free) X(zip_strerror)

typedef struct {
#define COCOM_ZIP_SLOT(name) __typeof__(name) *name;
    COCOM_ZIP_FUNCTIONS(COCOM_ZIP_SLOT)
#undef COCOM_ZIP_SLOT
} CocomZip;

/* Filled by cocom_zip_load(); read it only after that returned 1. */
extern CocomZip cocom_zip;

/* Opens libzip (once per process).  Returns 1 when it can be called; 0
 * when it cannot be loaded, with *why (when why is not NULL) saying why: a
 * static string with dlerror()'s reason. */
int cocom_zip_load(const char **why);

#ifndef COCOM_ZIP_LOAD_C
#define zip_close (cocom_zip.zip_close)
#define zip_discard (cocom_zip.zip_discard)
#define zip_error_fini (cocom_zip.zip_error_fini)
#define zip_error_init_with_code (cocom_zip.zip_error_init_with_code)
#define zip_error_strerror (cocom_zip.zip_error_strerror)
#define zip_file_add (cocom_zip.zip_file_add)
#define zip_file_set_external_attributes (cocom_zip.zip_file_set_external_attributes)
#define zip_file_set_mtime (cocom_zip.zip_file_set_mtime)
#define zip_open (cocom_zip.zip_open)
#define zip_set_file_compression (cocom_zip.zip_set_file_compression)
#define zip_source_buffer (cocom_zip.zip_source_buffer)
#define zip_source_free (cocom_zip.zip_source_free)
#define zip_strerror (cocom_zip.zip_strerror)
#endif

#endif
