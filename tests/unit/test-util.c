/* Unit tests of util.c: buffer, map, arena, atomic writes, bounded reads. */
#include "config.h"
#include "util.h"
#include "unit.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

TEST(buf_grows_and_stays_terminated)
{
    CocomBuf b = {0};
    for (int i = 0; i < 1000; i++)
        cocom_buf_printf(&b, "%d,", i % 10);
    CHECK(b.len == 2000);
    CHECK(b.data[b.len] == '\0');
    CHECK(strncmp(b.data, "0,1,2,", 6) == 0);
    cocom_buf_clear(&b);
    CHECK(b.len == 0 && b.data[0] == '\0');
    cocom_buf_free(&b);
}

TEST(map_sets_gets_and_overwrites)
{
    CocomMap m = {0};
    char key[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "id-%d", i);
        CHECK(cocom_map_set(&m, key, i) == 1);
    }
    CHECK(m.count == 5000);
    intptr_t v = -1;
    CHECK(cocom_map_get(&m, "id-4321", &v) && v == 4321);
    CHECK(!cocom_map_get(&m, "id-5000", &v));
    CHECK(cocom_map_set(&m, "id-7", 70) == 0);
    CHECK(cocom_map_get(&m, "id-7", &v) && v == 70);
    cocom_map_clear(&m);
    CHECK(!cocom_map_get(&m, "id-7", &v));
}

TEST(arena_allocations_are_aligned_and_zeroed)
{
    CocomArena a = {0};
    for (int i = 1; i < 3000; i++) {
        unsigned char *p = cocom_arena_alloc(&a, (size_t)(i % 97) + 1);
        CHECK(((uintptr_t)p & 15) == 0);
        CHECK(p[0] == 0);
        p[0] = 1;
    }
    char *big = cocom_arena_alloc(&a, 100000);
    CHECK(big != NULL && big[99999] == 0);
    CHECK_STR(cocom_arena_strdup(&a, "hello"), "hello");
    cocom_arena_reset(&a);
    CHECK(a.head == NULL);
}

TEST(atomic_write_replaces_whole_file)
{
    char dir[] = "/tmp/cocom-unit-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char *path = cocom_xasprintf("%s/out.txt", dir);
    CHECK(cocom_write_file_atomic(path, "first", 5) == 0);
    CHECK(cocom_write_file_atomic(path, "second", 6) == 0);
    size_t len = 0;
    char *data = cocom_read_file(path, 100, &len);
    CHECK(data && len == 6 && memcmp(data, "second", 6) == 0);
    free(data);
    /* A write into a folder that does not exist fails and leaves nothing. */
    char *bad = cocom_xasprintf("%s/missing/out.txt", dir);
    CHECK(cocom_write_file_atomic(bad, "x", 1) == -1);
    unlink(path);
    CHECK(rmdir(dir) == 0);   /* empty: no temporary file left behind */
    free(bad);
    free(path);
}

TEST(write_new_never_replaces_a_file)
{
    char dir[] = "/tmp/cocom-unit-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char *path = cocom_xasprintf("%s/out.txt", dir);
    CHECK(cocom_write_file_new(path, "first", 5) == 0);
    errno = 0;
    CHECK(cocom_write_file_new(path, "second", 6) == -1 && errno == EEXIST);
    size_t len = 0;
    char *data = cocom_read_file(path, 100, &len);
    CHECK(data && len == 5 && memcmp(data, "first", 5) == 0);
    free(data);
    unlink(path);
    CHECK(rmdir(dir) == 0);   /* empty: no temporary file left behind */
    free(path);
}

TEST(read_file_refuses_large_files_and_folders)
{
    size_t len;
    errno = 0;
    CHECK(cocom_read_file("/tmp", 100, &len) == NULL && errno == EISDIR);
    char path[] = "/tmp/cocom-unit-big-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    char block[4096] = {0};
    for (int i = 0; i < 10; i++)
        CHECK(write(fd, block, sizeof block) == (ssize_t)sizeof block);
    close(fd);
    errno = 0;
    CHECK(cocom_read_file(path, 1000, &len) == NULL && errno == EFBIG);
    char *d = cocom_read_file(path, 100000, &len);
    CHECK(d && len == 40960);
    free(d);
    unlink(path);
    errno = 0;
    CHECK(cocom_read_file("/nonexistent/x", 10, &len) == NULL && errno == ENOENT);
}

int main(void)
{
    RUN(buf_grows_and_stays_terminated);
    RUN(map_sets_gets_and_overwrites);
    RUN(arena_allocations_are_aligned_and_zeroed);
    RUN(atomic_write_replaces_whole_file);
    RUN(write_new_never_replaces_a_file);
    RUN(read_file_refuses_large_files_and_folders);
    return unit_done();
}
