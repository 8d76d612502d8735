/* unit.h — the smallest test framework that reads well.
 *
 *   TEST(name) { CHECK(x == 1); CHECK_STR(s, "a"); }
 *   int main(void) { RUN(name); return unit_done(); }
 *
 * Prints "ok NAME" or "not ok NAME: FILE:LINE: what" (the first failed
 * check of the test), which tests/run.sh counts.
 */
#ifndef COCOM_UNIT_H
#define COCOM_UNIT_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static char unit_why[1024];
static int unit_failures;

#define TEST(name) static void name(void)

#define UNIT_FAIL(...) do { if (!unit_why[0]) snprintf(unit_why, sizeof unit_why, __VA_ARGS__); } while (0)

#define CHECK(cond) do { if (!(cond)) UNIT_FAIL("%s:%d: %s", __FILE__, __LINE__, #cond); } while (0)

#define CHECK_STR(a, b) do { \
    const char *a_ = (a), *b_ = (b); \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) \
        UNIT_FAIL("%s:%d: \"%s\" != \"%s\"", __FILE__, __LINE__, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
} while (0)

#define CHECK_NEAR(a, b, eps) do { \
    double a_ = (a), b_ = (b); \
    if (!(fabs(a_ - b_) <= (eps))) UNIT_FAIL("%s:%d: %g != %g", __FILE__, __LINE__, a_, b_); \
} while (0)

#define RUN(name) do { \
    unit_why[0] = '\0'; \
    name(); \
    if (unit_why[0]) { unit_failures++; printf("not ok %s: %s\n", #name, unit_why); } \
    else printf("ok %s\n", #name); \
    fflush(stdout); \
} while (0)

static inline int unit_done(void) { return unit_failures ? 1 : 0; }

#endif
