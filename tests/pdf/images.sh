# tests/pdf/images.sh — PNG and JPEG images of every kind (tests/fo/images.fo
# says which) are shown without a warning, in a PDF that readers take
# as sound, in the colours of the picture.

t_every_kind_of_image_is_shown_without_a_warning() {
    render_fo images
    [ ! -s "$T/stderr" ] || { cat "$T/stderr"; fail "warnings where every image is usable"; }
    expect_pages "$T/images.pdf" 3
    # qpdf warns of a dictionary with a key twice (Cairo lists an image in
    # a page's resources once per showing), and cocom's own check of what
    # it builds said "the PDF is damaged" for it.
    qpdf --check "$T/images.pdf" > "$T/check.txt" 2>&1 || { cat "$T/check.txt"; fail "qpdf --check fails"; }
    ! grep -q WARNING "$T/check.txt" || { grep WARNING "$T/check.txt" | head -3; fail "qpdf warns about the PDF"; }
    run_cocom pdfcheck "$T/images.pdf"
    ! grep -q "damaged" "$T/stderr" || { cat "$T/stderr"; fail "pdfcheck calls the PDF damaged"; }
    # 17 images, two in the header, the big JPEGs (the CMYK one as pixels).
    n=$(pdfimages -list "$T/images.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)
    [ "$n" -ge 19 ] || { pdfimages -list "$T/images.pdf"; fail "$n images in the PDF"; }
}

t_a_cmyk_jpeg_looks_like_its_rgb_twin() {
    render_fo images
    page_ppm "$T/images.pdf" 2 "$T/rgb.ppm"
    page_ppm "$T/images.pdf" 3 "$T/cmyk.ppm"
    # Points inside the picture (the body starts at 20pt, 60pt; it is
    # 128pt by 96pt): red at the top, blue at the bottom, in both.
    for at in "50 75" "100 125" "80 140"; do
        set -- $at
        a=$(pixel "$T/rgb.ppm" "$1" "$2")
        b=$(pixel "$T/cmyk.ppm" "$1" "$2")
        [ "$a" != ffffff ] || fail "no picture at ($1, $2) on page 2"
        for i in 0 2 4; do
            d=$((16#${a:i:2} - 16#${b:i:2}))
            [ "${d#-}" -le 12 ] || fail "at ($1, $2) the CMYK JPEG is #$b where the RGB one is #$a"
        done
    done
}
