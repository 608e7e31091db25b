#!/bin/bash

__borderkit_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__borderkit_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__borderkit_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__borderkit_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_borderkit() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __borderkit_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    measure|validate|borders|areas|route|compare|map|report|diff|convert|partition|merge|data|help)
        # Offer subcommand argument completions
        "_borderkit_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'measure validate borders areas route compare map report diff convert partition merge data help' -- "${cur}"))
        ;;
    esac
}

_borderkit_measure() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--layer --id-property --workers --format -f --output -o)
    __borderkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--layer')
        return
        ;;
    '--id-property')
        return
        ;;
    '--workers')
        return
        ;;
    '--format'|'-f')
        __borderkit_add_completions -W 'md'$'\n''csv'$'\n''json'$'\n''geojson'$'\n''geojsonseq'$'\n''gpkg'$'\n''fgb'$'\n''shp'
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __borderkit_add_completions -f
        return
        ;;
    esac
}

_borderkit_validate() {
    repeating_flags=()
    non_repeating_flags=(--repair --coverage --version -h --help)
    repeating_options=()
    non_repeating_options=(--output -o --min-area --format -f)
    __borderkit_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    '--min-area')
        return
        ;;
    '--format'|'-f')
        __borderkit_add_completions -W 'md'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __borderkit_add_completions -f
        return
        ;;
    esac
}

_borderkit_borders() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=(--pair)
    non_repeating_options=(--territories --layer --status --id-property --snap --status-property --status-snap --unmatched-status --overlap-tolerance --workers --label --owner-extent --accuracy --compare-territories --compare-id-property --format -f --quantize --output -o --map)
    __borderkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--territories')
        __borderkit_add_completions -f
        return
        ;;
    '--layer')
        return
        ;;
    '--status')
        __borderkit_add_completions -f
        return
        ;;
    '--id-property')
        return
        ;;
    '--snap')
        return
        ;;
    '--pair')
        return
        ;;
    '--status-property')
        return
        ;;
    '--status-snap')
        return
        ;;
    '--unmatched-status')
        return
        ;;
    '--overlap-tolerance')
        return
        ;;
    '--workers')
        return
        ;;
    '--label')
        return
        ;;
    '--owner-extent')
        return
        ;;
    '--accuracy')
        return
        ;;
    '--compare-territories')
        __borderkit_add_completions -f
        return
        ;;
    '--compare-id-property')
        return
        ;;
    '--format'|'-f')
        __borderkit_add_completions -W 'md'$'\n''csv'$'\n''json'$'\n''geojson'$'\n''geojsonseq'$'\n''gpkg'$'\n''fgb'$'\n''shp'$'\n''topojson'
        return
        ;;
    '--quantize')
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    '--map')
        __borderkit_add_completions -o plusdirs -fX '!*.@(svg|html)'
        return
        ;;
    esac
}

_borderkit_areas() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--territories --layer --claims --control --id-property --at --snap --min-area --overlap-tolerance --label --accuracy --owner-extent --format -f --quantize --output -o --map)
    __borderkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--territories')
        __borderkit_add_completions -f
        return
        ;;
    '--layer')
        return
        ;;
    '--claims')
        __borderkit_add_completions -f
        return
        ;;
    '--control')
        __borderkit_add_completions -f
        return
        ;;
    '--id-property')
        return
        ;;
    '--at')
        return
        ;;
    '--snap')
        return
        ;;
    '--min-area')
        return
        ;;
    '--overlap-tolerance')
        return
        ;;
    '--label')
        return
        ;;
    '--accuracy')
        return
        ;;
    '--owner-extent')
        return
        ;;
    '--format'|'-f')
        __borderkit_add_completions -W 'md'$'\n''csv'$'\n''json'$'\n''geojson'$'\n''geojsonseq'$'\n''gpkg'$'\n''fgb'$'\n''shp'$'\n''topojson'
        return
        ;;
    '--quantize')
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    '--map')
        __borderkit_add_completions -o plusdirs -fX '!*.@(svg|html)'
        return
        ;;
    esac
}

_borderkit_route() {
    repeating_flags=()
    non_repeating_flags=(--profile --version -h --help)
    repeating_options=()
    non_repeating_options=(--routes --territories --id-property --step --near --corridor --snap --accuracy --route-accuracy --workers --batch --format -f --output -o --map)
    __borderkit_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--routes')
        __borderkit_add_completions -f
        return
        ;;
    '--territories')
        __borderkit_add_completions -f
        return
        ;;
    '--id-property')
        return
        ;;
    '--step')
        return
        ;;
    '--near')
        return
        ;;
    '--corridor')
        return
        ;;
    '--snap')
        return
        ;;
    '--accuracy')
        return
        ;;
    '--route-accuracy')
        return
        ;;
    '--workers')
        return
        ;;
    '--batch')
        return
        ;;
    '--format'|'-f')
        __borderkit_add_completions -W 'md'$'\n''csv'$'\n''json'$'\n''geojson'$'\n''geojsonseq'$'\n''gpkg'$'\n''fgb'$'\n''shp'
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    '--map')
        __borderkit_add_completions -o plusdirs -fX '!*.@(svg|html)'
        return
        ;;
    esac
}

_borderkit_compare() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--routes --territories --id-property --step --near --corridor --snap --accuracy --route-accuracy --format -f --batch --output -o --map)
    __borderkit_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--routes')
        __borderkit_add_completions -f
        return
        ;;
    '--territories')
        __borderkit_add_completions -f
        return
        ;;
    '--id-property')
        return
        ;;
    '--step')
        return
        ;;
    '--near')
        return
        ;;
    '--corridor')
        return
        ;;
    '--snap')
        return
        ;;
    '--accuracy')
        return
        ;;
    '--route-accuracy')
        return
        ;;
    '--format'|'-f')
        __borderkit_add_completions -W 'md'$'\n''csv'$'\n''json'
        return
        ;;
    '--batch')
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    '--map')
        __borderkit_add_completions -o plusdirs -fX '!*.@(svg|html)'
        return
        ;;
    esac
}

_borderkit_map() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=(--route)
    non_repeating_options=(--territories --routes --status --claims --control --id-property --layers --bbox --at --title --format -f --output -o)
    __borderkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--territories')
        __borderkit_add_completions -f
        return
        ;;
    '--routes')
        __borderkit_add_completions -f
        return
        ;;
    '--status')
        __borderkit_add_completions -f
        return
        ;;
    '--claims')
        __borderkit_add_completions -f
        return
        ;;
    '--control')
        __borderkit_add_completions -f
        return
        ;;
    '--id-property')
        return
        ;;
    '--layers')
        return
        ;;
    '--route')
        return
        ;;
    '--bbox')
        return
        ;;
    '--at')
        return
        ;;
    '--title')
        return
        ;;
    '--format'|'-f')
        __borderkit_add_completions -W 'svg'$'\n''html'
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    esac
}

_borderkit_report() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--territories --routes --status --claims --control --id-property --output -o)
    __borderkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--territories')
        __borderkit_add_completions -f
        return
        ;;
    '--routes')
        __borderkit_add_completions -f
        return
        ;;
    '--status')
        __borderkit_add_completions -f
        return
        ;;
    '--claims')
        __borderkit_add_completions -f
        return
        ;;
    '--control')
        __borderkit_add_completions -f
        return
        ;;
    '--id-property')
        return
        ;;
    '--output'|'-o')
        return
        ;;
    esac
}

_borderkit_diff() {
    repeating_flags=()
    non_repeating_flags=(--verbose --version -h --help)
    repeating_options=(--ignore)
    non_repeating_options=(--match-by --tolerance --length-tolerance --area-tolerance --number-tolerance --format -f --output -o)
    __borderkit_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--match-by')
        return
        ;;
    '--tolerance')
        return
        ;;
    '--length-tolerance')
        return
        ;;
    '--area-tolerance')
        return
        ;;
    '--number-tolerance')
        return
        ;;
    '--ignore')
        return
        ;;
    '--format'|'-f')
        __borderkit_add_completions -W 'md'$'\n''json'
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __borderkit_add_completions -f
        return
        ;;
    2)
        __borderkit_add_completions -f
        return
        ;;
    esac
}

_borderkit_convert() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--layer --decimals --format -f --quantize --output -o)
    __borderkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--layer')
        return
        ;;
    '--decimals')
        return
        ;;
    '--format'|'-f')
        __borderkit_add_completions -W 'geojson'$'\n''geojsonseq'$'\n''gpkg'$'\n''fgb'$'\n''shp'$'\n''topojson'
        return
        ;;
    '--quantize')
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __borderkit_add_completions -f
        return
        ;;
    esac
}

_borderkit_partition() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--layer --tiles --output -o)
    __borderkit_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--layer')
        return
        ;;
    '--tiles')
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -d
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __borderkit_add_completions -f
        return
        ;;
    esac
}

_borderkit_merge() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--format -f --output -o)
    __borderkit_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--format'|'-f')
        __borderkit_add_completions -W 'md'$'\n''csv'$'\n''json'$'\n''geojson'$'\n''geojsonseq'$'\n''gpkg'$'\n''fgb'$'\n''shp'
        return
        ;;
    '--output'|'-o')
        __borderkit_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __borderkit_add_completions -f
        return
        ;;
    esac
}

_borderkit_data() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __borderkit_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show)
        # Offer subcommand argument completions
        "_borderkit_data_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show' -- "${cur}"))
        ;;
    esac
}

_borderkit_data_list() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--format -f)
    __borderkit_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--format'|'-f')
        __borderkit_add_completions -W 'md'$'\n''csv'$'\n''json'$'\n''geojson'
        return
        ;;
    esac
}

_borderkit_data_show() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __borderkit_offer_flags_options 1
}

_borderkit_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __borderkit_offer_flags_options -1
}

complete -o filenames -F _borderkit borderkit
