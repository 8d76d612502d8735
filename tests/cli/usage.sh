# The command line: help, version, usage errors, exit statuses.

t_no_arguments_is_a_usage_error() {
    run_cocom
    expect_rc 2
    expect_err "Usage: cocom COMMAND"
}

t_help_lists_commands() {
    run_cocom --help
    expect_rc 0
    expect_out "check"
    expect_out "render"
    expect_out "  new       write a starter arrangement"
    expect_out "  practices list a CCG's member practices"
    expect_out "Exit status: 0 success; 1 the input has errors"
}

t_version_names_the_data_folder() {
    run_cocom --version
    expect_rc 0
    expect_out "cocom 0.1.0"
    expect_out "Data folder: "
}

t_command_help() {
    for c in check render new practices; do
        run_cocom $c --help
        expect_rc 0
        expect_out "Usage: cocom $c"
        run_cocom help $c
        expect_rc 0
        expect_out "Usage: cocom $c"
    done
}

t_unknown_command() {
    run_cocom frobnicate
    expect_rc 2
    expect_err "cocom: unknown command 'frobnicate'"
}

t_unknown_option() {
    run_cocom check --frob x.xml
    expect_rc 2
    expect_err "cocom check: unknown option '--frob'"
    expect_err "Try 'cocom check --help'"
}

t_check_without_files() {
    run_cocom check
    expect_rc 2
    expect_err "no file to check"
}

t_option_needing_a_value() {
    run_cocom check --max-input-size
    expect_rc 2
    expect_err "the option '--max-input-size' needs a value"
    run_cocom check --max-input-size=lots x.xml
    expect_rc 2
    expect_err "'lots' is not a size such as 64M"
}

t_missing_data_folder_is_reported_once() {
    run_cocom check --data-dir="$T/nowhere" "$SRCDIR/samples/hull-2015/" "$SRCDIR/samples/rotherham-2015/"
    expect_rc 1
    [ "$(grep -c 'cannot load the schema' "$ERR")" -eq 1 ] || { cat "$ERR"; fail "reported more than once"; }
}
