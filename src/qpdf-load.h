/* qpdf-load.h — libqpdf, loaded when a PDF is to be checked, not at start.
 *
 * libqpdf is C++, and brings the C++ runtime, GnuTLS and nine more shared
 * libraries with it.  Linked like the others, they were loaded and
 * relocated before main() on every run of cocom, `cocom check` included:
 * 2.3 ms of a one-page render's 18 (measured with an empty program linked
 * with and without -lqpdf, on Debian 12).  Only pdfcheck (pdfcheck.c)
 * uses it (the post-pass streams over cocom's own output, pdfstream.h).
 * So libcocom opens it with dlopen() instead: cocom_qpdf_load() does it
 * when pdfcheck needs it.
 *
 * pdfcheck.c calls qpdf's C API through the table below; the #defines after
 * it let those calls keep qpdf's own names.  Every function pdfcheck.c uses
 * must be in COCOM_QPDF_FUNCTIONS and have its #define: one missing from
 * the list fails to compile, one without a #define fails to link (libcocom
 * is not linked with -lqpdf).
 *
 * The library is opened once per process and never closed; the
 * environment variable COCOM_QPDF_LIBRARY names another file to open
 * instead (a build of qpdf of one's own).  All functions here are
 * thread-safe.
 */
#ifndef COCOM_QPDF_LOAD_H
#define COCOM_QPDF_LOAD_H

#include <qpdf/qpdf-c.h>

#define COCOM_QPDF_FUNCTIONS(X) \
    X(qpdf_init) X(qpdf_cleanup) X(qpdf_read) X(qpdf_silence_errors) X(qpdf_set_suppress_warnings) \
    X(qpdf_set_attempt_recovery) X(qpdf_is_encrypted) X(qpdf_has_error) X(qpdf_get_error) X(qpdf_get_error_code) \
    X(qpdf_get_error_file_position) X(qpdf_get_error_message_detail) X(qpdf_more_warnings) X(qpdf_next_warning) \
    X(qpdf_get_num_pages) X(qpdf_get_page_n) X(qpdf_get_root) X(qpdf_get_trailer) X(qpdf_oh_release) \
    X(qpdf_oh_is_array) X(qpdf_oh_is_bool) X(qpdf_oh_is_dictionary) X(qpdf_oh_is_integer) X(qpdf_oh_is_name) \
    X(qpdf_oh_is_name_and_equals) X(qpdf_oh_is_null) X(qpdf_oh_is_stream) X(qpdf_oh_is_string) \
    X(qpdf_oh_get_array_item) X(qpdf_oh_get_array_n_items) X(qpdf_oh_get_binary_utf8_value) \
    X(qpdf_oh_get_bool_value) X(qpdf_oh_get_dict) X(qpdf_oh_get_int_value) X(qpdf_oh_get_key) \
    X(qpdf_oh_get_name) X(qpdf_oh_get_object_id) X(qpdf_oh_get_page_content_data) X(qpdf_oh_get_stream_data) \
    X(qpdf_oh_begin_dict_key_iter) X(qpdf_oh_dict_more_keys) X(qpdf_oh_dict_next_key) X(qpdf_oh_new_object)

typedef struct {
#define COCOM_QPDF_SLOT(name) __typeof__(name) *name;
    COCOM_QPDF_FUNCTIONS(COCOM_QPDF_SLOT)
#undef COCOM_QPDF_SLOT
} CocomQpdf;

/* Filled by cocom_qpdf_load(); read it only after that returned 1. */
extern CocomQpdf cocom_qpdf;

/* Opens libqpdf (once per process).  Returns 1 when it can be
 * called; 0 when it cannot be loaded, with *why (when why is not NULL)
 * saying why: a static string naming the library file and dlerror()'s
 * reason. */
int cocom_qpdf_load(const char **why);

#ifndef COCOM_QPDF_LOAD_C
#define qpdf_init (cocom_qpdf.qpdf_init)
#define qpdf_cleanup (cocom_qpdf.qpdf_cleanup)
#define qpdf_read (cocom_qpdf.qpdf_read)
#define qpdf_silence_errors (cocom_qpdf.qpdf_silence_errors)
#define qpdf_set_suppress_warnings (cocom_qpdf.qpdf_set_suppress_warnings)
#define qpdf_set_attempt_recovery (cocom_qpdf.qpdf_set_attempt_recovery)
#define qpdf_is_encrypted (cocom_qpdf.qpdf_is_encrypted)
#define qpdf_has_error (cocom_qpdf.qpdf_has_error)
#define qpdf_get_error (cocom_qpdf.qpdf_get_error)
#define qpdf_get_error_code (cocom_qpdf.qpdf_get_error_code)
#define qpdf_get_error_file_position (cocom_qpdf.qpdf_get_error_file_position)
#define qpdf_get_error_message_detail (cocom_qpdf.qpdf_get_error_message_detail)
#define qpdf_more_warnings (cocom_qpdf.qpdf_more_warnings)
#define qpdf_next_warning (cocom_qpdf.qpdf_next_warning)
#define qpdf_get_num_pages (cocom_qpdf.qpdf_get_num_pages)
#define qpdf_get_page_n (cocom_qpdf.qpdf_get_page_n)
#define qpdf_get_root (cocom_qpdf.qpdf_get_root)
#define qpdf_get_trailer (cocom_qpdf.qpdf_get_trailer)
#define qpdf_oh_release (cocom_qpdf.qpdf_oh_release)
#define qpdf_oh_is_array (cocom_qpdf.qpdf_oh_is_array)
#define qpdf_oh_is_bool (cocom_qpdf.qpdf_oh_is_bool)
#define qpdf_oh_is_dictionary (cocom_qpdf.qpdf_oh_is_dictionary)
#define qpdf_oh_is_integer (cocom_qpdf.qpdf_oh_is_integer)
#define qpdf_oh_is_name (cocom_qpdf.qpdf_oh_is_name)
#define qpdf_oh_is_name_and_equals (cocom_qpdf.qpdf_oh_is_name_and_equals)
#define qpdf_oh_is_null (cocom_qpdf.qpdf_oh_is_null)
#define qpdf_oh_is_stream (cocom_qpdf.qpdf_oh_is_stream)
#define qpdf_oh_is_string (cocom_qpdf.qpdf_oh_is_string)
#define qpdf_oh_get_array_item (cocom_qpdf.qpdf_oh_get_array_item)
#define qpdf_oh_get_array_n_items (cocom_qpdf.qpdf_oh_get_array_n_items)
#define qpdf_oh_get_binary_utf8_value (cocom_qpdf.qpdf_oh_get_binary_utf8_value)
#define qpdf_oh_get_bool_value (cocom_qpdf.qpdf_oh_get_bool_value)
#define qpdf_oh_get_dict (cocom_qpdf.qpdf_oh_get_dict)
#define qpdf_oh_get_int_value (cocom_qpdf.qpdf_oh_get_int_value)
#define qpdf_oh_get_key (cocom_qpdf.qpdf_oh_get_key)
#define qpdf_oh_get_name (cocom_qpdf.qpdf_oh_get_name)
#define qpdf_oh_get_object_id (cocom_qpdf.qpdf_oh_get_object_id)
#define qpdf_oh_get_page_content_data (cocom_qpdf.qpdf_oh_get_page_content_data)
#define qpdf_oh_get_stream_data (cocom_qpdf.qpdf_oh_get_stream_data)
#define qpdf_oh_begin_dict_key_iter (cocom_qpdf.qpdf_oh_begin_dict_key_iter)
#define qpdf_oh_dict_more_keys (cocom_qpdf.qpdf_oh_dict_more_keys)
#define qpdf_oh_dict_next_key (cocom_qpdf.qpdf_oh_dict_next_key)
#define qpdf_oh_new_object (cocom_qpdf.qpdf_oh_new_object)
#endif

#endif
