/* test-threads.c — libcocom is reentrant: documents rendered at the same
 * time on several threads, each with its own context, come out byte for
 * byte as when rendered one after another.
 *
 * SOURCE_DATE_EPOCH fixes the dates, so equal input must give equal bytes.
 * Needs SRCDIR (set by `make check`) for the FO files and the data folder. */
#define _POSIX_C_SOURCE 200809L
#include "unit.h"
#include "../../src/cocom.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#define NDOCS 6

/* FO files from tests/fo, and samples transformed in process by
 * practices.xsl (written below), so that XSLT runs on several threads too. */
static const char *const docs[NDOCS] = {"long-table", "nested-lists", "justify", "page-n-of-m",
                                        "sample:hull-2015", "sample:rotherham-2015"};
static char srcdir[1024], tmpdir[1024], xsl[1100];

static const char practices_xsl[] =
    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'\n"
    "    xmlns:fo='http://www.w3.org/1999/XSL/Format' xmlns:a='urn:cocom:arrangement:1'>\n"
    "  <xsl:template match='/'>\n"
    "    <fo:root font-family='Liberation Sans'><fo:layout-master-set>\n"
    "      <fo:simple-page-master master-name='p' page-width='210mm' page-height='297mm' margin='20mm'>\n"
    "        <fo:region-body/></fo:simple-page-master></fo:layout-master-set>\n"
    "      <fo:page-sequence master-reference='p'><fo:flow flow-name='xsl-region-body'>\n"
    "        <fo:block font-size='16pt'>Member practices</fo:block>\n"
    "        <fo:table><fo:table-body>\n"
    "          <xsl:for-each select='//a:practice'><xsl:sort select='a:name'/>\n"
    "            <fo:table-row><fo:table-cell><fo:block><xsl:value-of select='a:name'/></fo:block></fo:table-cell>\n"
    "              <fo:table-cell><fo:block><xsl:value-of select='@ods-code'/></fo:block></fo:table-cell></fo:table-row>\n"
    "          </xsl:for-each>\n"
    "        </fo:table-body></fo:table>\n"
    "      </fo:flow></fo:page-sequence></fo:root>\n"
    "  </xsl:template>\n"
    "</xsl:stylesheet>\n";

typedef struct {
    const char *doc;
    char out[1200];
    CocomStatus status;
} Job;

static void quiet(void *user, const CocomDiagnostic *d)
{
    (void)user;
    (void)d;
}

static void *render_job(void *arg)
{
    Job *j = arg;
    char in[1200];
    int sample = strncmp(j->doc, "sample:", 7) == 0;
    if (sample)
        snprintf(in, sizeof in, "%s/samples/%s/arrangement.xml", srcdir, j->doc + 7);
    else
        snprintf(in, sizeof in, "%s/tests/fo/%s.fo", srcdir, j->doc);
    CocomContext *ctx = cocom_context_create();
    cocom_context_set_diagnostic_func(ctx, quiet, NULL);
    cocom_context_set_data_dir(ctx, srcdir);
    j->status = cocom_render_file(ctx, in, sample ? xsl : NULL, NULL, COCOM_FORMAT_PDF, j->out, NULL);
    cocom_context_destroy(ctx);
    return NULL;
}

/* The whole file, or NULL; *len receives its size. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc(n > 0 ? (size_t)n : 1);
    *len = data ? fread(data, 1, (size_t)n, f) : 0;
    fclose(f);
    return data;
}

static int same_bytes(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    char *da = slurp(a, &la), *db = slurp(b, &lb);
    int same = da && db && la == lb && la > 0 && memcmp(da, db, la) == 0;
    free(da);
    free(db);
    return same;
}

TEST(threads_give_the_bytes_of_one_thread)
{
    Job alone[NDOCS], together[2 * NDOCS];
    /* One after another, on this thread. */
    for (int i = 0; i < NDOCS; i++) {
        alone[i].doc = docs[i];
        snprintf(alone[i].out, sizeof alone[i].out, "%s/%d-alone.pdf", tmpdir, i);
        render_job(&alone[i]);
        CHECK(alone[i].status == COCOM_STATUS_OK);
    }
    /* All at once, each document twice, on twelve threads. */
    pthread_t th[2 * NDOCS];
    for (int i = 0; i < 2 * NDOCS; i++) {
        together[i].doc = docs[i % NDOCS];
        snprintf(together[i].out, sizeof together[i].out, "%s/%d-together-%d.pdf", tmpdir, i % NDOCS, i);
        CHECK(pthread_create(&th[i], NULL, render_job, &together[i]) == 0);
    }
    for (int i = 0; i < 2 * NDOCS; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < 2 * NDOCS; i++) {
        CHECK(together[i].status == COCOM_STATUS_OK);
        if (!same_bytes(alone[i % NDOCS].out, together[i].out))
            UNIT_FAIL("%s differs from %s", together[i].out, alone[i % NDOCS].out);
    }
}

/* The check is not vacuous: different documents do differ. */
TEST(different_documents_differ)
{
    char a[1200], b[1200], c[1200];
    snprintf(a, sizeof a, "%s/0-alone.pdf", tmpdir);
    snprintf(b, sizeof b, "%s/1-alone.pdf", tmpdir);
    snprintf(c, sizeof c, "%s/5-alone.pdf", tmpdir);
    CHECK(!same_bytes(a, b));
    CHECK(!same_bytes(b, c));
}

int main(void)
{
    const char *s = getenv("SRCDIR");
    snprintf(srcdir, sizeof srcdir, "%s", s ? s : ".");
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/cocom-threads-XXXXXX", t ? t : "/tmp");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    setenv("SOURCE_DATE_EPOCH", "1420070400", 1);   /* 2015-01-01 */
    snprintf(xsl, sizeof xsl, "%s/practices.xsl", tmpdir);
    FILE *f = fopen(xsl, "w");
    if (!f || fputs(practices_xsl, f) < 0 || fclose(f) != 0) {
        perror(xsl);
        return 1;
    }
    RUN(threads_give_the_bytes_of_one_thread);
    RUN(different_documents_differ);
    int rc = unit_done();
    if (rc == 0) {
        char cmd[1100];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", tmpdir);
    }
    return rc;
}
