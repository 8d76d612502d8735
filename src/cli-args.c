/* cli-args.c — the cocom command's arguments: options matched by hand
 * (--opt VALUE, --opt=VALUE, -o VALUE, and --param NAME VALUE, which takes
 * two), numbers and sizes, the options every command shares, and where a
 * folder given for a file leads.  See cli-impl.h; the commands are cli.c.
 */
#include "config.h"
#include "cli-impl.h"
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Arguments                                                            */


/* Does the current argument name the option --lng (or -sht)? */
int cli_is_opt(Args *a, const char *lng, char sht)
{
    const char *s = a->argv[a->i];
    a->inline_value = NULL;
    if (sht && s[0] == '-' && s[1] == sht && s[2] == '\0')
        return 1;
    if (s[0] != '-' || s[1] != '-')
        return 0;
    size_t n = strlen(lng);
    if (strncmp(s + 2, lng, n) != 0)
        return 0;
    if (s[2 + n] == '\0')
        return 1;
    if (s[2 + n] == '=') {
        a->inline_value = s + 3 + n;
        return 1;
    }
    return 0;
}

void cli_usage_error(Args *a, const char *fmt, const char *arg)
{
    fprintf(stderr, "cocom %s: ", a->cmd);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'cocom %s --help' for more information.\n", a->cmd);
    a->bad = 1;
}

/* The value of the option just matched. */
const char *cli_opt_value(Args *a)
{
    if (a->inline_value)
        return a->inline_value;
    if (a->i + 1 >= a->argc) {
        cli_usage_error(a, "the option '%s' needs a value", a->argv[a->i]);
        return NULL;
    }
    return a->argv[++a->i];
}

int cli_parse_long(Args *a, const char *text, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < min || v > max) {
        char buf[200];
        snprintf(buf, sizeof buf, "'%%s' is not a whole number from %ld to %ld", min, max);
        cli_usage_error(a, buf, text);
        return 0;
    }
    *out = v;
    return 1;
}

/* Sizes such as 50M, 1G, 4096. */
static int parse_size(Args *a, const char *text, long *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    double mult = 1;
    if (*end == 'k' || *end == 'K') mult = 1024, end++;
    else if (*end == 'M' || *end == 'm') mult = 1024.0 * 1024, end++;
    else if (*end == 'G' || *end == 'g') mult = 1024.0 * 1024 * 1024, end++;
    if (*end == 'B' || *end == 'b') end++;
    if (errno || end == text || *end || v <= 0 || v * mult > 4.0 * 1024 * 1024 * 1024) {
        cli_usage_error(a, "'%s' is not a size such as 64M", text);
        return 0;
    }
    *out = (long)(v * mult);
    return 1;
}

/* ------------------------------------------------------------------ */
/* Options every command shares.                                        */

/* --data-dir, which every command that reads the data folder takes. */
int cli_data_dir_option(Args *a, CocomContext *ctx)
{
    if (!cli_is_opt(a, "data-dir", 0))
        return 0;
    const char *dir = cli_opt_value(a);
    if (dir)
        cocom_context_set_data_dir(ctx, dir);
    return 1;
}

int cli_common_option(Args *a, CocomContext *ctx)
{
    long v;
    if (cli_is_opt(a, "max-input-size", 0)) {
        const char *s = cli_opt_value(a);
        if (s && parse_size(a, s, &v))
            cocom_context_set_option(ctx, COCOM_OPTION_MAX_INPUT_BYTES, v);
        return 1;
    }
    if (cli_data_dir_option(a, ctx))
        return 1;
    if (cli_is_opt(a, "warnings-as-errors", 0)) {
        cocom_context_set_warnings_as_errors(ctx, 1);
        return 1;
    }
    return 0;
}


/* Columns taken by UTF-8 text (sources hold a "§"). */
int cli_utf8_width(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

int cli_status_to_exit(CocomStatus st)
{
    switch (st) {
    case COCOM_STATUS_OK: return 0;
    case COCOM_STATUS_USAGE: return EXIT_USAGE;
    default: return EXIT_INVALID;
    }
}


int cli_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *cli_str_concat(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *s = malloc(na + nb + 1);
    if (!s) {
        fputs("cocom: out of memory\n", stderr);
        abort();
    }
    memcpy(s, a, na);
    memcpy(s + na, b, nb + 1);
    return s;
}

/* A folder given for a file means its arrangement.xml, as for build. */
char *cli_arrangement_path(const char *arg)
{
    size_t n = strlen(arg);
    if (cli_is_dir(arg))
        return cli_str_concat(arg, n && arg[n - 1] == '/' ? "arrangement.xml" : "/arrangement.xml");
    return cli_str_concat(arg, "");
}


/* --param NAME VALUE (or --param NAME=VALUE), into a NULL-terminated
 * list of name, value pairs. */
void cli_parse_param(Args *a, const char **params, int *nparams)
{
    const char *name = cli_opt_value(a);
    if (!name)
        return;
    const char *eq = a->inline_value ? NULL : strchr(name, '=');
    if (eq) {
        params[(*nparams)++] = strndup(name, (size_t)(eq - name));
        params[(*nparams)++] = strdup(eq + 1);
    } else if (a->i + 1 < a->argc) {
        params[(*nparams)++] = strdup(name);
        params[(*nparams)++] = strdup(a->argv[++a->i]);
    } else {
        cli_usage_error(a, "--param %s needs a value", name);
    }
}

void cli_free_params(const char **params, int n)
{
    for (int i = 0; i < n; i++)
        free((void *)params[i]);
    free(params);
}

