/* Unit tests of fo-props.c: the property table and the style resolver. */
#include "config.h"
#include "fo-props.h"
#include "fo-props-private.h"
#include "unit.h"

TEST(initial_style_builds)
{
    const FoStyle *s = fo_style_initial();
    CHECK_NEAR(s->font_size, 12.0, 1e-9);
}

int main(void)
{
    RUN(initial_style_builds);
    return unit_done();
}
