function __borderkit_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __borderkit_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __borderkit_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __borderkit_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __borderkit_parse_tokens -S
    set -l unparsed_tokens (__borderkit_tokens -pc)
    switch $unparsed_tokens[1]
    case 'borderkit'
        __borderkit_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'measure'
            __borderkit_parse_subcommand 1 'layer=' 'id-property=' 'workers=' 'f/format=' 'o/output=' 'version' 'h/help'
        case 'validate'
            __borderkit_parse_subcommand -r 1 'repair' 'o/output=' 'coverage' 'min-area=' 'f/format=' 'version' 'h/help'
        case 'borders'
            __borderkit_parse_subcommand 0 'territories=' 'layer=' 'status=' 'id-property=' 'snap=' 'pair=+' 'status-property=' 'status-snap=' 'unmatched-status=' 'overlap-tolerance=' 'workers=' 'label=' 'owner-extent=' 'accuracy=' 'compare-territories=' 'compare-id-property=' 'f/format=' 'quantize=' 'o/output=' 'map=' 'version' 'h/help'
        case 'areas'
            __borderkit_parse_subcommand 0 'territories=' 'layer=' 'claims=' 'control=' 'id-property=' 'at=' 'snap=' 'min-area=' 'overlap-tolerance=' 'label=' 'accuracy=' 'owner-extent=' 'f/format=' 'quantize=' 'o/output=' 'map=' 'version' 'h/help'
        case 'route'
            __borderkit_parse_subcommand -r 1 'routes=' 'territories=' 'id-property=' 'step=' 'near=' 'corridor=' 'snap=' 'accuracy=' 'route-accuracy=' 'profile' 'workers=' 'batch=' 'f/format=' 'o/output=' 'map=' 'version' 'h/help'
        case 'compare'
            __borderkit_parse_subcommand -r 1 'routes=' 'territories=' 'id-property=' 'step=' 'near=' 'corridor=' 'snap=' 'accuracy=' 'route-accuracy=' 'f/format=' 'batch=' 'o/output=' 'map=' 'version' 'h/help'
        case 'map'
            __borderkit_parse_subcommand 0 'territories=' 'routes=' 'status=' 'claims=' 'control=' 'id-property=' 'layers=' 'route=+' 'bbox=' 'at=' 'title=' 'f/format=' 'o/output=' 'version' 'h/help'
        case 'report'
            __borderkit_parse_subcommand 0 'territories=' 'routes=' 'status=' 'claims=' 'control=' 'id-property=' 'o/output=' 'version' 'h/help'
        case 'diff'
            __borderkit_parse_subcommand 2 'match-by=' 'tolerance=' 'length-tolerance=' 'area-tolerance=' 'number-tolerance=' 'verbose' 'ignore=+' 'f/format=' 'o/output=' 'version' 'h/help'
        case 'convert'
            __borderkit_parse_subcommand 1 'layer=' 'decimals=' 'f/format=' 'quantize=' 'o/output=' 'version' 'h/help'
        case 'partition'
            __borderkit_parse_subcommand 1 'layer=' 'tiles=' 'o/output=' 'version' 'h/help'
        case 'merge'
            __borderkit_parse_subcommand -r 1 'f/format=' 'o/output=' 'version' 'h/help'
        case 'data'
            __borderkit_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __borderkit_parse_subcommand 0 'f/format=' 'version' 'h/help'
            case 'show'
                __borderkit_parse_subcommand 1 'version' 'h/help'
            end
        case 'help'
            __borderkit_parse_subcommand -r 1 'version'
        end
    end
end

function __borderkit_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __borderkit_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __borderkit_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __borderkit_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__borderkit_tokens -p)
    if test -z "$(__borderkit_tokens -t)"
        set -l index (count (__borderkit_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'borderkit' -f
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'measure' -d 'Geodesic length, area and perimeter of every feature, with validity and totals.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'validate' -d 'Report every invalid geometry with its feature, GEOS\'s reason and location; repair on request.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'borders' -d 'Shared borders of every pair of territories: segments by status with geodesic lengths, and tripoints.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'areas' -d 'Who claims and who holds each piece of the territories at a date, with geodesic areas; enclaves and exclaves.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'route' -d 'Length per jurisdiction, ordered border crossings, distance to the nearest border, corridor area.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'compare' -d 'Routes side by side: length, km per jurisdiction, crossings, distance to borders, corridor area.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'map' -d 'Draws territories, borders by status, claims and control, enclaves, routes and crossings as an SVG or interactive HTML map.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'report' -d 'The whole analysis in one folder: index.md, a report per analysis with its SVG map, GeoJSON, CSV and JSON.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'diff' -d 'Compare two GeoJSON files feature by feature within tolerances (for regression suites).'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'convert' -d 'Rewrites features as RFC 7946 GeoJSON, a GeoJSON text sequence, GeoPackage, FlatGeobuf, Shapefile or TopoJSON.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'partition' -d 'Splits features into tiles (GeoJSON text sequences and a manifest) for `borders` run tile by tile.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'merge' -d 'Combines the tiles\' `borders` or `areas` outputs of a partition, or `route` batches, into the whole file\'s report.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'data' -d 'List the embedded datasets (GeoData) with feature counts and provenance, or show one.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit measure" -eq 1' -F
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit measure" layer' -l 'layer' -d 'The layer to read, for sources of several layers (GeoPackage).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit measure" id-property' -l 'id-property' -d 'The property to show as each feature\'s id (default: the feature\'s id).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit measure" workers' -l 'workers' -d 'Worker threads, each with its own GEOS context (default: one per processor).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit measure" f format' -l 'format' -s 'f' -d 'Output format: md, csv, json, geojson, geojsonseq, gpkg, fgb or shp (default: by --output\'s ending, else md).' -rfka 'md csv json geojson geojsonseq gpkg fgb shp'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit measure" o output' -l 'output' -s 'o' -d 'Write to this file (atomically: a temporary file, then rename) instead of standard output.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit measure" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit measure" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit validate" -ge 1' -F
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit validate" repair' -l 'repair' -d 'Repair invalid geometries (GEOS make-valid) and write the result to --output.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit validate" o output' -l 'output' -s 'o' -d 'With --repair: where to write the repaired GeoJSON.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit validate" coverage' -l 'coverage' -d 'Also check each file as a coverage: overlaps between features and gaps between them.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit validate" min-area' -l 'min-area' -d 'With --coverage: overlaps and gaps below this many m² are not listed.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit validate" f format' -l 'format' -s 'f' -d 'Report format: md or json.' -rfka 'md json'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit validate" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit validate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" territories' -l 'territories' -d 'Territories (polygons): GeoJSON, \'-\', or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" layer' -l 'layer' -d 'The layer of --territories to read, for sources of several layers (GeoPackage).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" status' -l 'status' -d 'Border-status lines (property status, optional date and source).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" id-property' -l 'id-property' -d 'The property that holds each territory\'s id.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" snap' -l 'snap' -d 'Tolerance in metres for sources that do not share vertices (0 = exact).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders"' -l 'pair' -d 'Only this pair (repeatable), e.g. --pair armenia,azerbaijan; ids match without regard to case.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" status-property' -l 'status-property' -d 'The property of the status layer that holds each line\'s status.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" status-snap' -l 'status-snap' -d 'How far a status line may lie from a border and still give it its status, metres (default: --snap, at least 1).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" unmatched-status' -l 'unmatched-status' -d 'Status of border stretches no status line matches.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" overlap-tolerance' -l 'overlap-tolerance' -d 'Warn about territories overlapping by more than this many m².' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" workers' -l 'workers' -d 'Worker threads, each with its own GEOS context (default: one per processor).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" label' -l 'label' -d 'Name the territories\' file this way in the report and messages (a tile: the file it was cut from).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" owner-extent' -l 'owner-extent' -d 'Report only what this tile owns: pairs whose envelopes\' intersection has its lower-left corner in [W,E)×[S,N), tripoints in it (see `partition`; negative values need no \'=\').' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" accuracy' -l 'accuracy' -d 'The territories\' positional accuracy in metres: each figure gets an interval and is printed to the digits it supports (the embedded territories state theirs); none: no intervals.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" compare-territories' -l 'compare-territories' -d 'Territories from another source: each pair\'s border length in both, and the median and maximum distance between the two lines.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" compare-id-property' -l 'compare-id-property' -d 'The property that holds each territory\'s id in --compare-territories (default: --id-property).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" f format' -l 'format' -s 'f' -d 'Output format: md, csv, json, geojson, geojsonseq, gpkg, fgb, shp or topojson (default: by --output\'s ending, else md).' -rfka 'md csv json geojson geojsonseq gpkg fgb shp topojson'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" quantize' -l 'quantize' -d 'TopoJSON only: put positions on an N × N grid over the bounding box (e.g. 1e5); checked to break no polygon.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" o output' -l 'output' -s 'o' -d 'Write to this file (atomically: a temporary file, then rename) instead of standard output.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" map' -l 'map' -d 'Also draw the result as a map to this file (written atomically): SVG, or an interactive HTML map for a path ending in .html.' -rfa '(set -l exts \'svg\' \'html\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit borders" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" territories' -l 'territories' -d 'Territories (polygons): GeoJSON, or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" layer' -l 'layer' -d 'The layer of --territories to read, for sources of several layers (GeoPackage).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" claims' -l 'claims' -d 'Claims: polygons with claimant, basis, from, to.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" control' -l 'control' -d 'Control: polygons with holder, from, to.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" id-property' -l 'id-property' -d 'The property that holds each territory\'s id.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" at' -l 'at' -d 'The date (ISO 8601) whose state to show.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" snap' -l 'snap' -d 'Tolerance in metres for enclave boundaries (0 = exact).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" min-area' -l 'min-area' -d 'Pieces below this many m² are listed as slivers (never dropped).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" overlap-tolerance' -l 'overlap-tolerance' -d 'Warn about territories overlapping by more than this many m².' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" label' -l 'label' -d 'Name the territories\' file this way in the report and messages (a tile: the file it was cut from).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" accuracy' -l 'accuracy' -d 'The territories\' positional accuracy in metres: each figure gets an interval and is printed to the digits it supports (the embedded territories state theirs); none: no intervals.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" owner-extent' -l 'owner-extent' -d 'Write this tile\'s part for `merge`: the pieces of the territories whose envelope\'s lower-left corner lies in [W,E)×[S,N), and the overlaps and land contacts the tile owns (see `partition`; territories only, GeoJSON).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" f format' -l 'format' -s 'f' -d 'Output format: md, csv, json, geojson, geojsonseq, gpkg, fgb, shp or topojson (default: by --output\'s ending, else md).' -rfka 'md csv json geojson geojsonseq gpkg fgb shp topojson'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" quantize' -l 'quantize' -d 'TopoJSON only: put positions on an N × N grid over the bounding box (e.g. 1e5); checked to break no polygon.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" o output' -l 'output' -s 'o' -d 'Write to this file (atomically: a temporary file, then rename) instead of standard output.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" map' -l 'map' -d 'Also draw the result as a map to this file (written atomically): SVG, or an interactive HTML map for a path ending in .html.' -rfa '(set -l exts \'svg\' \'html\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit areas" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" routes' -l 'routes' -d 'Routes (LineStrings): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" territories' -l 'territories' -d 'Territories (polygons): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" id-property' -l 'id-property' -d 'The property that holds each territory\'s id.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" step' -l 'step' -d 'Distance-to-border sample spacing, km.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" near' -l 'near' -d 'Report and count the km closer than this to a border.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" corridor' -l 'corridor' -d 'Corridor total width, km (0: none).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" snap' -l 'snap' -d 'Tolerance in metres: shorter pieces merge; closer than this runs along a border.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" accuracy' -l 'accuracy' -d 'The territories\' positional accuracy in metres: each figure gets an interval and is printed to the digits it supports (the embedded territories state theirs); none: no intervals.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" route-accuracy' -l 'route-accuracy' -d 'The routes\' positional accuracy in metres, for routes without an accuracy_m property.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" profile' -l 'profile' -d 'Include the distance-to-border samples in JSON and GeoJSON.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" workers' -l 'workers' -d 'Worker threads (default: one per processor).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" batch' -l 'batch' -d 'Measure only batch k of n (1 ≤ k ≤ n): the k-th of n runs of consecutive routes, for `merge` (JSON or GeoJSON).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" f format' -l 'format' -s 'f' -d 'Output format: md, csv, json, geojson, geojsonseq, gpkg, fgb or shp (default: by --output\'s ending, else md).' -rfka 'md csv json geojson geojsonseq gpkg fgb shp'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" o output' -l 'output' -s 'o' -d 'Write to this file (atomically: a temporary file, then rename) instead of standard output.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" map' -l 'map' -d 'Also draw the result as a map to this file (written atomically): SVG, or an interactive HTML map for a path ending in .html.' -rfa '(set -l exts \'svg\' \'html\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit route" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" routes' -l 'routes' -d 'Routes (LineStrings): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" territories' -l 'territories' -d 'Territories (polygons): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" id-property' -l 'id-property' -d 'The property that holds each territory\'s id.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" step' -l 'step' -d 'Distance-to-border sample spacing, km.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" near' -l 'near' -d 'Report and count the km closer than this to a border.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" corridor' -l 'corridor' -d 'Corridor total width, km (0: none).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" snap' -l 'snap' -d 'Tolerance in metres: shorter pieces merge; closer than this runs along a border.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" accuracy' -l 'accuracy' -d 'The territories\' positional accuracy in metres: each figure gets an interval and is printed to the digits it supports (the embedded territories state theirs); none: no intervals.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" route-accuracy' -l 'route-accuracy' -d 'The routes\' positional accuracy in metres, for routes without an accuracy_m property.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" f format' -l 'format' -s 'f' -d 'Output format: md, csv or json.' -rfka 'md csv json'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" batch' -l 'batch' -d 'Compare only batch k of n (1 ≤ k ≤ n): the k-th of n runs of consecutive named groups, for `merge` (JSON).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" o output' -l 'output' -s 'o' -d 'Write to this file (atomically: a temporary file, then rename) instead of standard output.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" map' -l 'map' -d 'Also draw the result as a map to this file (written atomically): SVG, or an interactive HTML map for a path ending in .html.' -rfa '(set -l exts \'svg\' \'html\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit compare" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" territories' -l 'territories' -d 'Territories (polygons): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" routes' -l 'routes' -d 'Routes (LineStrings): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" status' -l 'status' -d 'Border-status lines: GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" claims' -l 'claims' -d 'Claims: GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" control' -l 'control' -d 'Control: GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" id-property' -l 'id-property' -d 'The property that holds each territory\'s id.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" layers' -l 'layers' -d 'Layers to draw, comma-separated (default: all).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map"' -l 'route' -d 'Only this route (id or any name; repeatable).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" bbox' -l 'bbox' -d 'The area to show: west,south,east,north in degrees (west > east: across 180°; negative values need no \'=\').' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" at' -l 'at' -d 'Show claims and control valid on this date (ISO 8601).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" title' -l 'title' -d 'The map\'s title.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" f format' -l 'format' -s 'f' -d 'svg (a static map) or html (an interactive Leaflet map in one file, no network needed); default: by --output\'s ending, else svg.' -rfka 'svg html'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" o output' -l 'output' -s 'o' -d 'The SVG or HTML file to write (atomically).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit map" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit report" territories' -l 'territories' -d 'Territories (polygons): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit report" routes' -l 'routes' -d 'Routes (LineStrings): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit report" status' -l 'status' -d 'Border-status lines: GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit report" claims' -l 'claims' -d 'Claims: GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit report" control' -l 'control' -d 'Control: GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit report" id-property' -l 'id-property' -d 'The property that holds each territory\'s id.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit report" o output' -l 'output' -s 'o' -d 'The folder to write.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit report" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit diff" -eq 1' -F
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit diff" -eq 2' -F
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" match-by' -l 'match-by' -d 'Match features by id or by this property.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" tolerance' -l 'tolerance' -d 'Largest Hausdorff distance allowed, metres.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" length-tolerance' -l 'length-tolerance' -d 'Largest length difference allowed, percent.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" area-tolerance' -l 'area-tolerance' -d 'Largest area difference allowed, percent.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" number-tolerance' -l 'number-tolerance' -d 'Largest difference allowed in numeric properties (default: equal).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" verbose' -l 'verbose' -d 'List the features that differ within tolerance too, with a note for each property that does.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff"' -l 'ignore' -d 'A property not to compare (repeatable).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" f format' -l 'format' -s 'f' -d 'Report format: md or json.' -rfka 'md json'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" o output' -l 'output' -s 'o' -d 'Write to this file (atomically: a temporary file, then rename) instead of standard output.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit diff" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit convert" -eq 1' -F
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit convert" layer' -l 'layer' -d 'The layer to read, for sources of several layers (GeoPackage).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit convert" decimals' -l 'decimals' -d 'Decimal digits of each coordinate (0–7; 7 is about 1 cm).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit convert" f format' -l 'format' -s 'f' -d 'Output format: geojson, geojsonseq, gpkg, fgb, shp or topojson (default: by --output\'s ending, else geojson).' -rfka 'geojson geojsonseq gpkg fgb shp topojson'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit convert" quantize' -l 'quantize' -d 'TopoJSON only: put positions on an N × N grid over the bounding box (e.g. 1e5); checked to break no polygon.' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit convert" o output' -l 'output' -s 'o' -d 'Write to this file (atomically: a temporary file, then rename) instead of standard output.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit convert" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit convert" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit partition" -eq 1' -F
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit partition" layer' -l 'layer' -d 'The layer to read, for sources of several layers (GeoPackage).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit partition" tiles' -l 'tiles' -d 'How many tiles (at least 1).' -rfka ''
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit partition" o output' -l 'output' -s 'o' -d 'The folder to write (a new one, or an earlier partition to replace).' -rfa '(__borderkit_complete_directories)'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit partition" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit partition" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit merge" -ge 1' -F
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit merge" f format' -l 'format' -s 'f' -d 'For `areas` parts: md, csv, json, geojson, geojsonseq, gpkg, fgb or shp (default: by --output\'s ending, else md). `borders` outputs merge into their own format.' -rfka 'md csv json geojson geojsonseq gpkg fgb shp'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit merge" o output' -l 'output' -s 'o' -d 'Write to this file (atomically: a temporary file, then rename) instead of standard output.' -rF
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit merge" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit merge" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit data" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit data" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit data" -eq 1' -fa 'list' -d 'List the datasets.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_positional "borderkit data" -eq 1' -fa 'show' -d 'Show one dataset\'s provenance record.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit data list" f format' -l 'format' -s 'f' -d 'Output format: md or json.' -rfka 'md csv json geojson'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit data list" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit data list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit data show" version' -l 'version' -d 'Show the version.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit data show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'borderkit' -n '__borderkit_should_offer_completions_for_flags_or_options "borderkit help" version' -l 'version' -d 'Show the version.'
