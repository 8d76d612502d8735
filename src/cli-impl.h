/* cli-impl.h — private to the cocom command's files (cli.c, the commands;
 * cli-args.c, the arguments and options they share); nothing else includes
 * it.  The shared functions carry the prefix cli_.
 */
#ifndef COCOM_CLI_IMPL_H
#define COCOM_CLI_IMPL_H

#include "cocom.h"

#define EXIT_INVALID 1
#define EXIT_USAGE 2

/* ------------------------------------------------------------------ */
/* Arguments                                                            */

typedef struct {
    int argc;
    char **argv;
    int i;              /* the argument being looked at */
    const char *cmd;    /* for messages */
    const char *inline_value; /* the VALUE of --opt=VALUE */
    int bad;            /* a usage error was reported */
} Args;

#define DATA_DIR_HELP \
    "      --data-dir=DIR         use schema, stylesheets and templates from DIR\n" \
    "  -h, --help                 show this help and exit\n"

#define COMMON_HELP \
    "      --max-input-size=SIZE  refuse input files larger than SIZE (default 32M)\n" \
    "      --warnings-as-errors   count warnings as errors (exit 1 if any)\n" \
    DATA_DIR_HELP

#define EXIT_HELP \
    "\nExit status: 0 success; 1 the input has errors, or a file could not be\n" \
    "read or written; 2 usage error.\n"

int cli_is_opt(Args *a, const char *lng, char sht);
void cli_usage_error(Args *a, const char *fmt, const char *arg);
const char *cli_opt_value(Args *a);
int cli_parse_long(Args *a, const char *text, long min, long max, long *out);
int cli_data_dir_option(Args *a, CocomContext *ctx);
int cli_common_option(Args *a, CocomContext *ctx);
int cli_utf8_width(const char *s);
int cli_status_to_exit(CocomStatus st);
int cli_is_dir(const char *path);
char *cli_str_concat(const char *a, const char *b);
char *cli_arrangement_path(const char *arg);
void cli_parse_param(Args *a, const char **params, int *nparams);
void cli_free_params(const char **params, int n);

#endif
