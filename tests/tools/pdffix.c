/* pdffix — runs cocom_pdfpost on a PDF, for the shell tests:
 *
 *   pdffix IN.pdf OUT.pdf [--lang L] [--title T] [--author A] [--subject S]
 *          [--keywords K] [--date ISO]
 *
 * It is given no structure log: a file tagged elsewhere (mktagged's) keeps
 * its own tree, and an untagged one stays untagged.  Diagnostics go
 * to standard error as cocom prints them; the exit status is 0 when the
 * post-pass succeeded, 1 when not, 2 on a usage error.
 */
#include "config.h"
#include "pdfpost.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: pdffix IN.pdf OUT.pdf [--lang L] [--title T] [--author A] [--subject S] [--keywords K]\n"
              "              [--date ISO]\n", stderr);
        return 2;
    }
    CocomPdfFix fix;
    memset(&fix, 0, sizeof fix);
    int rc = 0;
    for (int i = 3; i < argc; i++) {
        const char *o = argv[i];
        if (i + 1 >= argc) {
            fprintf(stderr, "pdffix: %s needs a value\n", o);
            rc = 2;
            break;
        }
        const char *v = argv[++i];
        if (strcmp(o, "--lang") == 0) fix.lang = v;
        else if (strcmp(o, "--title") == 0) fix.title = v;
        else if (strcmp(o, "--author") == 0) fix.author = v;
        else if (strcmp(o, "--subject") == 0) fix.subject = v;
        else if (strcmp(o, "--keywords") == 0) fix.keywords = v;
        else if (strcmp(o, "--date") == 0) fix.date = v;
        else {
            fprintf(stderr, "pdffix: unknown option %s\n", o);
            rc = 2;
            break;
        }
    }
    if (rc == 0) {
        CocomContext *ctx = cocom_context_create();
        rc = cocom_pdfpost(ctx, argv[1], argv[2], &fix) == COCOM_STATUS_OK ? 0 : 1;
        cocom_context_destroy(ctx);
    }
    return rc;
}
